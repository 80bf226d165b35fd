<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CreateVaultPage</name>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to ConsentCam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents and photos are stored encrypted on this phone. Choose a passcode to protect them. It cannot be recovered if you forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 6 digits, or a passphrase of at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both entries match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>ConsentCam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vault is open. It locks again when you leave the app or stop using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption library version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored photos and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ConsentCam</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientModePage</name>
    <message>
        <source>Patient consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hand the phone back to your clinician.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and return to clinician</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 6 digits, or a passphrase of at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both entries match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault after this long without use. It always locks when you leave the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the vault key in this device&apos;s secure key store, so the vault opens without typing the passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock needs the device&apos;s secure key store, which is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TitleBar</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Vault locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passcode to unlock the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) since the last unlock.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cc::ui::AppController</name>
    <message>
        <source>There is no vault on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault already exists on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least 6 digits, or a passphrase of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passcodes. Wait until the countdown ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged or from a newer version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s database is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged and cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s storage could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current passcode is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock failed. Use your passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passcode changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s key store refused to keep the key. Quick unlock stays off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick unlock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be removed from the device&apos;s key store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
