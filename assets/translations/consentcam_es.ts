<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ClinicianProfileSection</name>
    <message>
        <source>Clinician profile</source>
        <translation>Perfil del profesional</translation>
    </message>
    <message>
        <source>Printed on every consent form as the person who shares the photos or story.</source>
        <translation>Aparece en cada formulario de consentimiento como la persona que comparte las fotos o la historia.</translation>
    </message>
    <message>
        <source>Fill in every field: a consent can&apos;t be signed until the profile is complete.</source>
        <translation>Complete todos los campos: no se puede firmar ningún consentimiento hasta que el perfil esté completo.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Títulos y especialidad</translation>
    </message>
    <message>
        <source>For example &quot;MD, Dermatology&quot;.</source>
        <translation>Por ejemplo, &quot;Médico, dermatología&quot;.</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Consultorio</translation>
    </message>
    <message>
        <source>Where patients send a written revocation</source>
        <translation>Adónde envían los pacientes una revocación por escrito</translation>
    </message>
    <message>
        <source>A postal or e-mail address. The consent form tells patients to write here to take back their consent.</source>
        <translation>Una dirección postal o de correo electrónico. El formulario de consentimiento indica a los pacientes que escriban aquí para retirar su consentimiento.</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
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
    <name>PolicySection</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice policy</source>
        <translation>Normas del consultorio</translation>
    </message>
    <message>
        <source>Applies to consents signed from now on. Consents already signed keep the rules they were signed under.</source>
        <translation>Se aplican a los consentimientos que se firmen a partir de ahora. Los ya firmados conservan las normas con las que se firmaron.</translation>
    </message>
    <message>
        <source>A witness must also sign</source>
        <translation>También debe firmar un testigo</translation>
    </message>
    <message>
        <source>Longest a consent may last</source>
        <translation>Duración máxima de un consentimiento</translation>
    </message>
    <message>
        <source>The patient may choose an earlier end date, never a later one.</source>
        <translation>El paciente puede elegir una fecha de fin anterior, nunca una posterior.</translation>
    </message>
    <message>
        <source>Platforms where posts may appear</source>
        <translation>Plataformas donde pueden aparecer las publicaciones</translation>
    </message>
    <message>
        <source>A consent can name only these, and nothing can be shared anywhere else.</source>
        <translation>Un consentimiento solo puede incluir estas plataformas, y no se puede compartir nada en ninguna otra.</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>Guardar normas</translation>
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
    <name>cc::ui::PracticeSettingsController</name>
    <message>
        <source>The longest a consent may last must be between 1 and %1 days.</source>
        <translation>La duración máxima de un consentimiento debe estar entre 1 y %1 días.</translation>
    </message>
    <message>
        <source>Choose at least one platform where posts may appear.</source>
        <translation>Elija al menos una plataforma donde puedan aparecer las publicaciones.</translation>
    </message>
    <message>
        <source>One of the chosen platforms is not known to this version of ConsentCam.</source>
        <translation>Esta versión de ConsentCam no reconoce una de las plataformas elegidas.</translation>
    </message>
    <message>
        <source>A platform is chosen twice.</source>
        <translation>Una plataforma está elegida dos veces.</translation>
    </message>
    <message>
        <source>Enter your name as it should appear on consent forms.</source>
        <translation>Ingrese su nombre tal como debe aparecer en los formularios de consentimiento.</translation>
    </message>
    <message>
        <source>Enter your credentials, for example &quot;MD, Dermatology&quot;.</source>
        <translation>Ingrese sus títulos y especialidad, por ejemplo, &quot;Médico, dermatología&quot;.</translation>
    </message>
    <message>
        <source>Enter the name of your practice.</source>
        <translation>Ingrese el nombre de su consultorio.</translation>
    </message>
    <message>
        <source>Enter where patients can send a written revocation of their consent: a postal or e-mail address.</source>
        <translation>Ingrese adónde pueden enviar los pacientes la revocación por escrito de su consentimiento: una dirección postal o de correo electrónico.</translation>
    </message>
    <message>
        <source>Remove the special characters: consent forms show only letters, numbers, spaces and punctuation.</source>
        <translation>Quite los caracteres especiales: los formularios de consentimiento solo muestran letras, números, espacios y signos de puntuación.</translation>
    </message>
    <message>
        <source>The practice settings stored in the vault could not be read.</source>
        <translation>No se pudo leer la configuración del consultorio guardada en la bóveda.</translation>
    </message>
    <message>
        <source>The practice policy has no changes to save.</source>
        <translation>Las normas del consultorio no tienen cambios que guardar.</translation>
    </message>
    <message>
        <source>The practice policy could not be saved. Please try again.</source>
        <translation>No se pudieron guardar las normas del consultorio. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Practice policy saved.</source>
        <translation>Normas del consultorio guardadas.</translation>
    </message>
    <message>
        <source>Your profile has no changes to save.</source>
        <translation>Su perfil no tiene cambios que guardar.</translation>
    </message>
    <message>
        <source>Your profile could not be saved. Please try again.</source>
        <translation>No se pudo guardar su perfil. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Perfil guardado.</translation>
    </message>
</context>
<context>
    <name>cc::ui::VocabularyLabels</name>
    <message>
        <source>The practice&apos;s website</source>
        <translation>El sitio web del consultorio</translation>
    </message>
    <message>
        <source>Anyone (public)</source>
        <translation>Cualquier persona (público)</translation>
    </message>
    <message>
        <source>My followers or connections</source>
        <translation>Mis seguidores o contactos</translation>
    </message>
    <message>
        <source>Healthcare professionals only</source>
        <translation>Solo profesionales de la salud</translation>
    </message>
    <message>
        <source>Educating patients and the public</source>
        <translation>Educar a pacientes y al público</translation>
    </message>
    <message>
        <source>Teaching other healthcare professionals</source>
        <translation>Enseñar a otros profesionales de la salud</translation>
    </message>
    <message>
        <source>Health awareness campaigns</source>
        <translation>Campañas de concienciación sobre la salud</translation>
    </message>
    <message>
        <source>Promoting me or my practice</source>
        <translation>Promocionarme a mí o a mi consultorio</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>El paciente</translation>
    </message>
    <message>
        <source>Parent or legal guardian</source>
        <translation>Padre, madre o tutor legal</translation>
    </message>
    <message>
        <source>Healthcare power of attorney</source>
        <translation>Apoderado para decisiones de atención médica</translation>
    </message>
    <message>
        <source>Other legal representative</source>
        <translation>Otro representante legal</translation>
    </message>
    <message>
        <source>Signed in person on this device</source>
        <translation>Firmada en persona en este dispositivo</translation>
    </message>
    <message>
        <source>Written letter</source>
        <translation>Carta escrita</translation>
    </message>
    <message>
        <source>Another way</source>
        <translation>De otra forma</translation>
    </message>
</context>
</TS>
