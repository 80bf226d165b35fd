<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CapturePage</name>
    <message numerus="yes">
        <source>Save %n photo(s)</source>
        <translation>
            <numerusform>Save %n photo</numerusform>
            <numerusform>Save %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientDetailPage</name>
    <message numerus="yes">
        <source>%n item(s), until %1</source>
        <translation>
            <numerusform>%n item, until %1</numerusform>
            <numerusform>%n items, until %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicySection</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegionEditorPage</name>
    <message numerus="yes">
        <source>%n region(s) marked</source>
        <translation>
            <numerusform>%n region marked</numerusform>
            <numerusform>%n regions marked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) since the last unlock.</source>
        <translation>
            <numerusform>%n failed attempt since the last unlock.</numerusform>
            <numerusform>%n failed attempts since the last unlock.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardScopeStep</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cc::ui::ConsentSession</name>
    <message numerus="yes">
        <source>The end date can be at most %n day(s) from today.</source>
        <translation>
            <numerusform>The end date can be at most %n day from today.</numerusform>
            <numerusform>The end date can be at most %n days from today.</numerusform>
        </translation>
    </message>
</context>
</TS>
