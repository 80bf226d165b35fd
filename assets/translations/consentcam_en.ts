<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n entries, newest first</source>
        <translation>
            <numerusform>%n entry, newest first</numerusform>
            <numerusform>%n entries, newest first</numerusform>
        </translation>
    </message>
</context>
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
    <name>ConsentDetailPage</name>
    <message numerus="yes">
        <source>%n post(s) still to be taken down.</source>
        <translation>
            <numerusform>%n post still to be taken down.</numerusform>
            <numerusform>%n posts still to be taken down.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftListPage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blocked</numerusform>
            <numerusform>%n blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>%n post(s) must be taken down: a patient revoked consent.</source>
        <translation>
            <numerusform>%n post must be taken down: a patient revoked consent.</numerusform>
            <numerusform>%n posts must be taken down: a patient revoked consent.</numerusform>
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
    <name>RedactionEditorPage</name>
    <message numerus="yes">
        <source>%n face(s) found: check each box and add any the detector missed.</source>
        <translation>
            <numerusform>%n face found: check the box and add any the detector missed.</numerusform>
            <numerusform>%n faces found: check each box and add any the detector missed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
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
    <name>cc::ui::AuditController</name>
    <message numerus="yes">
        <source>The log is intact: %n entries verified.</source>
        <translation>
            <numerusform>The log is intact: %n entry verified.</numerusform>
            <numerusform>The log is intact: %n entries verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed checkpoints.</source>
        <translation>
            <numerusform>%n signed checkpoint.</numerusform>
            <numerusform>%n signed checkpoints.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last %n entries are not yet covered by a signed checkpoint; the vault&apos;s encryption protects them.</source>
        <translation>
            <numerusform>The last entry is not yet covered by a signed checkpoint; the vault&apos;s encryption protects it.</numerusform>
            <numerusform>The last %n entries are not yet covered by a signed checkpoint; the vault&apos;s encryption protects them.</numerusform>
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
