<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CapturePage</name>
    <message>
        <source>Photo imported into the vault.</source>
        <translation>Foto importada a la bóveda.</translation>
    </message>
    <message>
        <source>Photos of %1</source>
        <translation>Fotos de %1</translation>
    </message>
    <message>
        <source>Import a photo</source>
        <translation>Importar una foto</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>No se encontró ninguna cámara</translation>
    </message>
    <message>
        <source>You can import a photo from a file instead.</source>
        <translation>En su lugar, puede importar una foto desde un archivo.</translation>
    </message>
    <message>
        <source>Start the camera</source>
        <translation>Encender la cámara</translation>
    </message>
    <message>
        <source>Switch camera</source>
        <translation>Cambiar de cámara</translation>
    </message>
    <message>
        <source>Torch</source>
        <translation>Linterna</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Tomar foto</translation>
    </message>
    <message>
        <source>Keep the photos you want to save, delete the others.</source>
        <translation>Conserve las fotos que quiere guardar y elimine las demás.</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservada</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message numerus="yes">
        <source>Save %n photo(s)</source>
        <translation>
            <numerusform>Guardar %n foto</numerusform>
            <numerusform>Guardar %n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>Importar desde un archivo…</translation>
    </message>
    <message>
        <source>The file you import is copied into the encrypted vault; the original file stays where it is, outside the vault.</source>
        <translation>El archivo que importe se copia en la bóveda cifrada; el archivo original se queda donde está, fuera de la bóveda.</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <source>Create vault</source>
        <translation>Crear bóveda</translation>
    </message>
    <message>
        <source>Welcome to ConsentCam</source>
        <translation>Le damos la bienvenida a ConsentCam</translation>
    </message>
    <message>
        <source>Consents and photos are stored encrypted on this phone. Choose a passcode to protect them. It cannot be recovered if you forget it.</source>
        <translation>Los consentimientos y las fotos se guardan cifrados en este teléfono. Elija un código de acceso para protegerlos. Si lo olvida, no se puede recuperar.</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Código de acceso</translation>
    </message>
    <message>
        <source>Confirm passcode</source>
        <translation>Confirme el código de acceso</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>ConsentCam</source>
        <translation>ConsentCam</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>Bóveda desbloqueada</translation>
    </message>
    <message>
        <source>Your vault is open. It locks again when you leave the app or stop using it.</source>
        <translation>Su bóveda está abierta. Se vuelve a bloquear cuando sale de la aplicación o deja de usarla.</translation>
    </message>
    <message>
        <source>Vault ID</source>
        <translation>ID de la bóveda</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Fecha de creación</translation>
    </message>
    <message>
        <source>Database schema version</source>
        <translation>Versión del esquema de la base de datos</translation>
    </message>
    <message>
        <source>Encryption library version</source>
        <translation>Versión de la biblioteca de cifrado</translation>
    </message>
    <message>
        <source>Stored photos and files</source>
        <translation>Fotos y archivos guardados</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ConsentCam</source>
        <translation>ConsentCam</translation>
    </message>
</context>
<context>
    <name>PasscodeRules</name>
    <message>
        <source>At least 6 digits that are not a run like 123456, or a passphrase of at least 8 characters</source>
        <translation>Al menos 6 dígitos que no sean una serie como 123456, o una frase de acceso de al menos 8 caracteres</translation>
    </message>
    <message>
        <source>Both entries match</source>
        <translation>Ambas entradas coinciden</translation>
    </message>
</context>
<context>
    <name>PatientModePage</name>
    <message>
        <source>Patient consent</source>
        <translation>Consentimiento del paciente</translation>
    </message>
    <message>
        <source>Lock and return to clinician</source>
        <translation>Bloquear y devolver al médico</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Formulario de consentimiento</translation>
    </message>
    <message>
        <source>The consent steps appear here. When you have finished, please hand the phone back to your clinician.</source>
        <translation>Aquí aparecen los pasos del consentimiento. Cuando termine, devuelva el teléfono a su médico.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Change passcode</source>
        <translation>Cambiar código de acceso</translation>
    </message>
    <message>
        <source>Current passcode</source>
        <translation>Código de acceso actual</translation>
    </message>
    <message>
        <source>New passcode</source>
        <translation>Nuevo código de acceso</translation>
    </message>
    <message>
        <source>Confirm new passcode</source>
        <translation>Confirme el nuevo código de acceso</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Bloqueo automático</translation>
    </message>
    <message>
        <source>Lock the vault after this long without use. It always locks when you leave the app.</source>
        <translation>La bóveda se bloquea tras este tiempo sin uso. Siempre se bloquea al salir de la aplicación.</translation>
    </message>
    <message>
        <source>Quick unlock</source>
        <translation>Desbloqueo rápido</translation>
    </message>
    <message>
        <source>Keeps the vault key in this device&apos;s secure key store, so the vault opens without typing the passcode.</source>
        <translation>Guarda la clave de la bóveda en el almacén seguro de claves de este dispositivo, para abrirla sin escribir el código de acceso.</translation>
    </message>
    <message>
        <source>Quick unlock needs the device&apos;s secure key store, which is not available.</source>
        <translation>El desbloqueo rápido necesita el almacén seguro de claves del dispositivo, que no está disponible.</translation>
    </message>
</context>
<context>
    <name>TitleBar</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Vault locked</source>
        <translation>Bóveda bloqueada</translation>
    </message>
    <message>
        <source>Enter your passcode to unlock the vault.</source>
        <translation>Ingrese su código de acceso para desbloquear la bóveda.</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Código de acceso</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) since the last unlock.</source>
        <translation>
            <numerusform>%n intento fallido desde el último desbloqueo.</numerusform>
            <numerusform>%n intentos fallidos desde el último desbloqueo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Quick unlock</source>
        <translation>Desbloqueo rápido</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
</context>
<context>
    <name>cc::ui::AppController</name>
    <message>
        <source>There is no vault on this device yet.</source>
        <translation>Todavía no hay una bóveda en este dispositivo.</translation>
    </message>
    <message>
        <source>A vault already exists on this device.</source>
        <translation>Ya existe una bóveda en este dispositivo.</translation>
    </message>
    <message>
        <source>Wrong passcode.</source>
        <translation>Código de acceso incorrecto.</translation>
    </message>
    <message>
        <source>Too many wrong passcodes. Wait until the countdown ends.</source>
        <translation>Demasiados códigos incorrectos. Espere a que termine la cuenta regresiva.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file is damaged or from a newer version of the app.</source>
        <translation>El archivo de claves de la bóveda está dañado o es de una versión más reciente de la aplicación.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is missing.</source>
        <translation>Falta la base de datos de la bóveda.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged and cannot be opened.</source>
        <translation>La base de datos de la bóveda está dañada y no se puede abrir.</translation>
    </message>
    <message>
        <source>The device&apos;s storage could not be read or written.</source>
        <translation>No se pudo leer ni escribir en el almacenamiento del dispositivo.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Algo salió mal. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The current passcode is not correct.</source>
        <translation>El código de acceso actual no es correcto.</translation>
    </message>
    <message>
        <source>Quick unlock failed. Use your passcode.</source>
        <translation>El desbloqueo rápido falló. Use su código de acceso.</translation>
    </message>
    <message>
        <source>Passcode changed.</source>
        <translation>Se cambió el código de acceso.</translation>
    </message>
    <message>
        <source>The device&apos;s key store refused to keep the key. Quick unlock stays off.</source>
        <translation>El almacén de claves del dispositivo no aceptó guardar la clave. El desbloqueo rápido sigue desactivado.</translation>
    </message>
    <message>
        <source>Quick unlock is on.</source>
        <translation>El desbloqueo rápido está activado.</translation>
    </message>
    <message>
        <source>The key could not be removed from the device&apos;s key store.</source>
        <translation>No se pudo quitar la clave del almacén de claves del dispositivo.</translation>
    </message>
    <message>
        <source>Use at least 6 digits that are not a run like 123456, or a passphrase of at least 8 characters.</source>
        <translation>Use al menos 6 dígitos que no sean una serie como 123456, o una frase de acceso de al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>This copy of ConsentCam uses a database library without the required encryption settings, so it will not open the vault.</source>
        <translation>Esta copia de ConsentCam usa una biblioteca de base de datos sin la configuración de cifrado requerida, por lo que no abrirá la bóveda.</translation>
    </message>
    <message>
        <source>The vault was made by an older version of ConsentCam.</source>
        <translation>La bóveda se creó con una versión anterior de ConsentCam.</translation>
    </message>
    <message>
        <source>The vault is open for inspection only.</source>
        <translation>La bóveda está abierta solo para inspección.</translation>
    </message>
</context>
<context>
    <name>cc::ui::CaptureController</name>
    <message>
        <source>No camera found.</source>
        <translation>No se encontró ninguna cámara.</translation>
    </message>
    <message>
        <source>The camera could not be started. Another app may be using it, or ConsentCam may not be allowed to use the camera: check the app&apos;s permissions.</source>
        <translation>No se pudo encender la cámara. Puede que otra aplicación la esté usando o que ConsentCam no tenga permiso para usar la cámara: revise los permisos de la aplicación.</translation>
    </message>
    <message>
        <source>The camera stopped working. Try again.</source>
        <translation>La cámara dejó de funcionar. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The camera is not ready yet. Try again in a moment.</source>
        <translation>La cámara todavía no está lista. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The photo could not be taken. Try again.</source>
        <translation>No se pudo tomar la foto. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to take or save photos.</source>
        <translation>La bóveda está bloqueada. Desbloquéela para tomar o guardar fotos.</translation>
    </message>
    <message>
        <source>No photo is marked Keep. Keep the photos you want to save.</source>
        <translation>No hay ninguna foto marcada para conservar. Pulse Conservar en las fotos que quiere guardar.</translation>
    </message>
    <message>
        <source>This patient is no longer in the vault.</source>
        <translation>Este paciente ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>The photo could not be saved in the vault. Try again.</source>
        <translation>No se pudo guardar la foto en la bóveda. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Only files stored on this device can be imported.</source>
        <translation>Solo se pueden importar archivos guardados en este dispositivo.</translation>
    </message>
    <message>
        <source>The file could not be read. It may have been moved, or ConsentCam may not be allowed to open it.</source>
        <translation>No se pudo leer el archivo. Puede que se haya movido o que ConsentCam no tenga permiso para abrirlo.</translation>
    </message>
    <message>
        <source>The file is too large: a photo can be at most %1 MB.</source>
        <translation>El archivo es demasiado grande: una foto puede ocupar como máximo %1 MB.</translation>
    </message>
    <message>
        <source>The file is not a JPEG or PNG photo, or it is damaged.</source>
        <translation>El archivo no es una foto JPEG o PNG, o está dañado.</translation>
    </message>
</context>
</TS>
