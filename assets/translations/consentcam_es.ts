<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddPatientPage</name>
    <message>
        <source>Add patient</source>
        <translation>Agregar paciente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Store only what you need. The name is required; the record number and birth date are optional.</source>
        <translation>Guarde solo lo necesario. El nombre es obligatorio; el número de historia clínica y la fecha de nacimiento son opcionales.</translation>
    </message>
    <message>
        <source>Patient&apos;s name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Medical record number (optional)</source>
        <translation>Número de historia clínica (opcional)</translation>
    </message>
    <message>
        <source>Birth date, year-month-day (optional)</source>
        <translation>Fecha de nacimiento, año-mes-día (opcional)</translation>
    </message>
    <message>
        <source>Save patient</source>
        <translation>Guardar paciente</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All patients</source>
        <translation>Todos los pacientes</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Verify log</source>
        <translation>Verificar el registro</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Progreso de la verificación</translation>
    </message>
    <message>
        <source>Show the entries of</source>
        <translation>Mostrar las entradas de</translation>
    </message>
    <message>
        <source>Remove the filter %1</source>
        <translation>Quitar el filtro %1</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n.º %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first</source>
        <translation>
            <numerusform>%n entrada, la más reciente primero</numerusform>
            <numerusform>%n entradas, las más recientes primero</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxCanvas</name>
    <message>
        <source>Remove box %1</source>
        <translation>Quitar el recuadro %1</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Difuminar</translation>
    </message>
</context>
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
    <message>
        <source>Photo of the authority document</source>
        <translation>Foto del documento de autorización</translation>
    </message>
    <message>
        <source>Photo of the revocation letter</source>
        <translation>Foto de la carta de revocación</translation>
    </message>
    <message>
        <source>Screenshot of the removed post</source>
        <translation>Captura de la publicación retirada</translation>
    </message>
</context>
<context>
    <name>CheckCard</name>
    <message>
        <source>Add the line</source>
        <translation>Añadir la línea</translation>
    </message>
    <message>
        <source>Add a disclosure</source>
        <translation>Añadir la declaración</translation>
    </message>
    <message>
        <source>Add the general education line</source>
        <translation>Añadir la línea de educación general</translation>
    </message>
    <message>
        <source>Add a sponsorship disclosure</source>
        <translation>Añadir una declaración de patrocinio</translation>
    </message>
</context>
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
    <name>ConsentBadges</name>
    <message>
        <source>No consent</source>
        <translation>Sin consentimiento</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Consentimiento vigente</translation>
    </message>
    <message>
        <source>Expires within %1 days</source>
        <translation>Vence en %1 días</translation>
    </message>
    <message>
        <source>Consent not started yet</source>
        <translation>El consentimiento aún no ha comenzado</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consentimiento vencido</translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation>Consentimiento revocado</translation>
    </message>
    <message>
        <source>Consent fails verification</source>
        <translation>El consentimiento no pasa la verificación</translation>
    </message>
</context>
<context>
    <name>ConsentDetailPage</name>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Save the patient&apos;s copy in</source>
        <translation>Guardar la copia del paciente en</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>Sellado</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Vigencia</translation>
    </message>
    <message>
        <source>Form language</source>
        <translation>Idioma del formulario</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Lo que permite</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Who may see it</source>
        <translation>Quién puede verlo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Para qué</translation>
    </message>
    <message>
        <source>Identifiable</source>
        <translation>Identificable</translation>
    </message>
    <message>
        <source>What it covers</source>
        <translation>Lo que cubre</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What the revocation affects</source>
        <translation>Lo que afecta la revocación</translation>
    </message>
    <message>
        <source>Give the patient a copy (PDF)</source>
        <translation>Dar una copia al paciente (PDF)</translation>
    </message>
    <message>
        <source>Record revocation</source>
        <translation>Registrar la revocación</translation>
    </message>
    <message>
        <source>Audit log of this consent</source>
        <translation>Registro de auditoría de este consentimiento</translation>
    </message>
    <message>
        <source>Signing as</source>
        <translation>Firma como</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) still to be taken down.</source>
        <translation>
            <numerusform>Falta retirar %n publicación.</numerusform>
            <numerusform>Falta retirar %n publicaciones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentSealedPage</name>
    <message>
        <source>Consent sealed</source>
        <translation>Consentimiento sellado</translation>
    </message>
    <message>
        <source>The consent was sealed and signed with this device&apos;s key. Patient mode has ended.</source>
        <translation>El consentimiento se selló y firmó con la clave de este dispositivo. El modo paciente ha terminado.</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>ID del registro</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Save the patient&apos;s copy in</source>
        <translation>Guardar la copia del paciente en</translation>
    </message>
    <message>
        <source>Give the patient a copy (PDF)</source>
        <translation>Dar una copia al paciente (PDF)</translation>
    </message>
    <message>
        <source>Making the copy</source>
        <translation>Preparando la copia</translation>
    </message>
</context>
<context>
    <name>ConsentWizardPage</name>
    <message>
        <source>Hand back</source>
        <translation>Devolver el teléfono</translation>
    </message>
    <message>
        <source>Hand the phone back to the clinician</source>
        <translation>Devuelva el teléfono al profesional clínico</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
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
    <name>DraftEditorPage</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Save the post&apos;s files in</source>
        <translation>Guardar los archivos de la publicación en</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard this draft</source>
        <translation>Descartar este borrador</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>¿Descartar este borrador?</translation>
    </message>
    <message>
        <source>The draft&apos;s text and choices are deleted. The photos and stories stay in the vault.</source>
        <translation>Se borran el texto y las opciones del borrador. Las fotos y los relatos siguen en la bóveda.</translation>
    </message>
    <message>
        <source>Where it goes</source>
        <translation>Dónde se publica</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Público</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>What the post says</source>
        <translation>Lo que dice la publicación</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Texto de la publicación</translation>
    </message>
    <message>
        <source>Photos and stories</source>
        <translation>Fotos y relatos</translation>
    </message>
    <message>
        <source>Nothing attached yet.</source>
        <translation>Aún no hay nada adjunto.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Add photos or stories</source>
        <translation>Añadir fotos o relatos</translation>
    </message>
    <message>
        <source>Checks before posting</source>
        <translation>Comprobaciones antes de publicar</translation>
    </message>
    <message>
        <source>Nothing to fix.</source>
        <translation>No hay nada que corregir.</translation>
    </message>
    <message>
        <source>Choose the platform, audience and purpose to share.</source>
        <translation>Elija la plataforma, el público y la finalidad para compartir.</translation>
    </message>
    <message>
        <source>Attach at least one photo or story to share.</source>
        <translation>Adjunte al menos una foto o un relato para compartir.</translation>
    </message>
    <message>
        <source>Remove the blocked items to share.</source>
        <translation>Quite los elementos bloqueados para compartir.</translation>
    </message>
    <message>
        <source>Fix the checks marked &quot;Blocks sharing&quot; to share.</source>
        <translation>Corrija las comprobaciones marcadas «Impide compartir» para compartir.</translation>
    </message>
    <message>
        <source>Files are saved in %1</source>
        <translation>Los archivos se guardan en %1</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Compartiendo…</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Share the post</source>
        <translation>Compartir la publicación</translation>
    </message>
    <message>
        <source>Other folder</source>
        <translation>Otra carpeta</translation>
    </message>
    <message>
        <source>Choose another folder to save in</source>
        <translation>Elegir otra carpeta donde guardar</translation>
    </message>
</context>
<context>
    <name>DraftListPage</name>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <source>Posts already shared</source>
        <translation>Publicaciones ya compartidas</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n bloqueado</numerusform>
            <numerusform>%n bloqueados</numerusform>
        </translation>
    </message>
    <message>
        <source>No target chosen</source>
        <translation>Sin destino elegido</translation>
    </message>
    <message>
        <source>Empty draft</source>
        <translation>Borrador vacío</translation>
    </message>
    <message>
        <source>No drafts. Start one to share consented photos or stories.</source>
        <translation>No hay borradores. Cree uno para compartir fotos o relatos con consentimiento.</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Nuevo borrador</translation>
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
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) must be taken down: a patient revoked consent.</source>
        <translation>
            <numerusform>%n publicación debe retirarse: un paciente revocó su consentimiento.</numerusform>
            <numerusform>%n publicaciones deben retirarse: un paciente revocó su consentimiento.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show posts</source>
        <translation>Ver publicaciones</translation>
    </message>
    <message>
        <source>Show the posts to take down</source>
        <translation>Ver las publicaciones que hay que retirar</translation>
    </message>
    <message>
        <source>Drafts and posts</source>
        <translation>Borradores y publicaciones</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>ItemPickerPage</name>
    <message>
        <source>Add to the draft</source>
        <translation>Añadir al borrador</translation>
    </message>
    <message>
        <source>Decisions for %1</source>
        <translation>Decisiones para %1</translation>
    </message>
    <message>
        <source>Choose the draft&apos;s platform, audience and purpose: until then an item is allowed if any consent could allow it.</source>
        <translation>Elija la plataforma, el público y la finalidad del borrador: hasta entonces se permite un elemento si algún consentimiento pudiera permitirlo.</translation>
    </message>
    <message>
        <source>Search by patient name or MRN</source>
        <translation>Buscar por nombre del paciente o n.º de historia</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Adjuntar</translation>
    </message>
    <message>
        <source>%1 is attached</source>
        <translation>%1 está adjunto</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Adjuntar %1</translation>
    </message>
    <message>
        <source>No photos or stories found.</source>
        <translation>No se encontraron fotos ni relatos.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Story</source>
        <translation>Relato</translation>
    </message>
    <message>
        <source>Allowed for this target</source>
        <translation>Permitido para este destino</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>Bloqueado: %1</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>permitido</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>bloqueado: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ConsentCam</source>
        <translation>ConsentCam</translation>
    </message>
    <message>
        <source>DEMO — fictional data · passcode %1</source>
        <translation>DEMO — datos ficticios · código de acceso %1</translation>
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
    <name>PatientDetailPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Take photos</source>
        <translation>Tomar fotos</translation>
    </message>
    <message>
        <source>Write a story</source>
        <translation>Escribir un relato</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>No consent recorded yet.</source>
        <translation>Aún no hay ningún consentimiento registrado.</translation>
    </message>
    <message>
        <source>Consent signed by %1 on %2, %3</source>
        <translation>Consentimiento firmado por %1 el %2, %3</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>Firmado por %1 el %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s), until %1</source>
        <translation>
            <numerusform>%n elemento, hasta el %1</numerusform>
            <numerusform>%n elementos, hasta el %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>No photos yet.</source>
        <translation>Aún no hay fotos.</translation>
    </message>
    <message>
        <source>Redacted photo taken %1, %2</source>
        <translation>Foto con partes ocultas tomada el %1, %2</translation>
    </message>
    <message>
        <source>Photo taken %1, %2</source>
        <translation>Foto tomada el %1, %2</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>Relatos</translation>
    </message>
    <message>
        <source>No stories yet.</source>
        <translation>Aún no hay relatos.</translation>
    </message>
    <message>
        <source>Story %1, version %2, %3</source>
        <translation>Relato %1, versión %2, %3</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>Change what identifies the patient</source>
        <translation>Cambiar lo que identifica al paciente</translation>
    </message>
    <message>
        <source>Mark what identifies the patient</source>
        <translation>Marcar lo que identifica al paciente</translation>
    </message>
    <message>
        <source>Make a redacted copy</source>
        <translation>Hacer una copia censurada</translation>
    </message>
</context>
<context>
    <name>PatientListPage</name>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Search by name or MRN</source>
        <translation>Buscar por nombre o número de historia clínica</translation>
    </message>
    <message>
        <source>No patient matches this search.</source>
        <translation>Ningún paciente coincide con esta búsqueda.</translation>
    </message>
    <message>
        <source>No patients yet. Add the first one.</source>
        <translation>Aún no hay pacientes. Agregue el primero.</translation>
    </message>
    <message>
        <source>Add patient</source>
        <translation>Agregar paciente</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
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
    <name>PostLedgerPage</name>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <source>The post&apos;s address, https://…</source>
        <translation>La dirección de la publicación, https://…</translation>
    </message>
    <message>
        <source>The post&apos;s web address</source>
        <translation>La dirección web de la publicación</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the post&apos;s address</source>
        <translation>Guardar la dirección de la publicación</translation>
    </message>
    <message>
        <source>Nothing shared yet.</source>
        <translation>Aún no se ha compartido nada.</translation>
    </message>
</context>
<context>
    <name>PrepareConsentPage</name>
    <message>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Choose what %1 is asked to consent to. The patient sees exactly these items.</source>
        <translation>Elija para qué se le pide consentimiento a %1. El paciente verá exactamente estos elementos.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Redacted photo taken %1</source>
        <translation>Foto con partes ocultas tomada el %1</translation>
    </message>
    <message>
        <source>Photo taken %1</source>
        <translation>Foto tomada el %1</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>Relatos</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>Hand the phone to the patient</source>
        <translation>Entregue el teléfono al paciente</translation>
    </message>
    <message>
        <source>In patient mode only the consent form can be reached. Your passcode is needed to leave it.</source>
        <translation>En el modo paciente solo se puede acceder al formulario de consentimiento. Se necesita su código de acceso para salir.</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>You or the practice are paid for this use</source>
        <translation>Usted o el consultorio reciben un pago por este uso</translation>
    </message>
    <message>
        <source>Who pays, and for what</source>
        <translation>Quién paga y por qué</translation>
    </message>
</context>
<context>
    <name>RedactionEditorPage</name>
    <message numerus="yes">
        <source>%n face(s) found: check each box and add any the detector missed.</source>
        <translation>
            <numerusform>%n cara encontrada: revise el recuadro y añada las que el detector no haya visto.</numerusform>
            <numerusform>%n caras encontradas: revise cada recuadro y añada las que el detector no haya visto.</numerusform>
        </translation>
    </message>
    <message>
        <source>No face found. Draw the boxes yourself.</source>
        <translation>No se encontró ninguna cara. Dibuje usted los recuadros.</translation>
    </message>
    <message>
        <source>Make a redacted copy</source>
        <translation>Copia censurada</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Drag a box over each face, tattoo or anything else that must not be seen. Tap a box to remove it. Outlined boxes are the regions marked as identifying.</source>
        <translation>Arrastre un recuadro sobre cada cara, tatuaje o cualquier otra cosa que no deba verse. Toque un recuadro para quitarlo. Los recuadros con contorno son las zonas marcadas como identificativas.</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Difuminar</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Opaco</translation>
    </message>
    <message>
        <source>Photo: drag to cover what must not be seen</source>
        <translation>Foto: arrastre para tapar lo que no debe verse</translation>
    </message>
    <message>
        <source>Remove redaction %1</source>
        <translation>Quitar la censura %1</translation>
    </message>
    <message>
        <source>Suggest faces</source>
        <translation>Sugerir caras</translation>
    </message>
    <message>
        <source>Suggest boxes over the faces in the photo</source>
        <translation>Sugerir recuadros sobre las caras de la foto</translation>
    </message>
    <message>
        <source>Cover marked regions</source>
        <translation>Tapar las zonas marcadas</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Quitar todo</translation>
    </message>
    <message>
        <source>Remove all redactions</source>
        <translation>Quitar todas las censuras</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n recuadro</numerusform>
            <numerusform>%n recuadros</numerusform>
        </translation>
    </message>
    <message>
        <source>Save redacted copy</source>
        <translation>Guardar la copia censurada</translation>
    </message>
</context>
<context>
    <name>RegionEditorPage</name>
    <message>
        <source>Mark what identifies the patient</source>
        <translation>Marcar lo que identifica al paciente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Drag a box over each face, tattoo, birthmark or anything else that could identify the patient. Tap a box to remove it.</source>
        <translation>Arrastre un recuadro sobre cada cara, tatuaje, marca de nacimiento o cualquier otra cosa que pueda identificar al paciente. Toque un recuadro para quitarlo.</translation>
    </message>
    <message>
        <source>Photo: drag to mark a region that identifies the patient</source>
        <translation>Foto: arrastre para marcar una zona que identifica al paciente</translation>
    </message>
    <message>
        <source>Remove marked region %1</source>
        <translation>Quitar la zona marcada %1</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) marked</source>
        <translation>
            <numerusform>%n zona marcada</numerusform>
            <numerusform>%n zonas marcadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Quitar todas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the marked regions</source>
        <translation>Guardar las zonas marcadas</translation>
    </message>
</context>
<context>
    <name>RevocationImpactPage</name>
    <message>
        <source>After the revocation</source>
        <translation>Después de la revocación</translation>
    </message>
    <message>
        <source>Save the patient&apos;s receipt in</source>
        <translation>Guardar el comprobante del paciente en</translation>
    </message>
    <message>
        <source>Posts to take down</source>
        <translation>Publicaciones por retirar</translation>
    </message>
    <message>
        <source>No published post depends on this consent any more.</source>
        <translation>Ya no hay ninguna publicación que dependa de este consentimiento.</translation>
    </message>
    <message>
        <source>Post on %1, posted %2</source>
        <translation>Publicación en %1, publicada el %2</translation>
    </message>
    <message>
        <source>%1, posted %2</source>
        <translation>%1, publicada el %2</translation>
    </message>
    <message>
        <source>Address not recorded</source>
        <translation>Dirección no registrada</translation>
    </message>
    <message>
        <source>Mark as taken down</source>
        <translation>Marcar como retirada</translation>
    </message>
    <message>
        <source>Mark the post on %1 as taken down</source>
        <translation>Marcar como retirada la publicación en %1</translation>
    </message>
    <message>
        <source>Date removed (year-month-day)</source>
        <translation>Fecha de retirada (año-mes-día)</translation>
    </message>
    <message>
        <source>Date removed, year-month-day</source>
        <translation>Fecha de retirada, año-mes-día</translation>
    </message>
    <message>
        <source>Screenshot of the removal</source>
        <translation>Captura de la retirada</translation>
    </message>
    <message>
        <source>Replace the screenshot</source>
        <translation>Cambiar la captura</translation>
    </message>
    <message>
        <source>Add a screenshot (optional)</source>
        <translation>Añadir una captura (opcional)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Note on the takedown</source>
        <translation>Nota sobre la retirada</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save the takedown</source>
        <translation>Guardar la retirada</translation>
    </message>
    <message>
        <source>Drafts now blocked</source>
        <translation>Borradores bloqueados</translation>
    </message>
    <message>
        <source>No draft uses what this consent covered.</source>
        <translation>Ningún borrador usa lo que cubría este consentimiento.</translation>
    </message>
    <message>
        <source>Blocked draft: %1</source>
        <translation>Borrador bloqueado: %1</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>(todavía sin texto)</translation>
    </message>
    <message>
        <source>These drafts can&apos;t be shared while they hold an item of this consent. Remove the item or discard the draft.</source>
        <translation>Estos borradores no se pueden compartir mientras contengan algo de este consentimiento. Quite el elemento o descarte el borrador.</translation>
    </message>
    <message>
        <source>The patient&apos;s receipt</source>
        <translation>El comprobante del paciente</translation>
    </message>
    <message>
        <source>Give the patient a receipt (PDF)</source>
        <translation>Dar un comprobante al paciente (PDF)</translation>
    </message>
    <message>
        <source>Making the receipt</source>
        <translation>Preparando el comprobante</translation>
    </message>
    <message>
        <source>Audit log of this consent</source>
        <translation>Registro de auditoría de este consentimiento</translation>
    </message>
    <message>
        <source>The consent signed by %1 is revoked. Received %2 (%3).</source>
        <translation>El consentimiento firmado por %1 está revocado. Recibida el %2 (%3).</translation>
    </message>
</context>
<context>
    <name>RevokeConsentPage</name>
    <message>
        <source>Record revocation</source>
        <translation>Registrar la revocación</translation>
    </message>
    <message>
        <source>A revocation takes effect as soon as it is recorded and is final: nothing this consent covers can be shared again, and every post that depends on it must be taken down.</source>
        <translation>Una revocación tiene efecto en cuanto se registra y es definitiva: nada de lo que cubre este consentimiento se puede volver a compartir, y hay que retirar cada publicación que dependa de él.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Signed by %1, sealed %2</source>
        <translation>Firmado por %1, sellado el %2</translation>
    </message>
    <message>
        <source>How was it received?</source>
        <translation>¿Cómo se recibió?</translation>
    </message>
    <message>
        <source>Hand the phone to the patient (or the person who signed the consent) to sign below.</source>
        <translation>Entregue el teléfono al paciente (o a la persona que firmó el consentimiento) para que firme abajo.</translation>
    </message>
    <message>
        <source>Signature cancelling the consent</source>
        <translation>Firma que cancela el consentimiento</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>The letter is photographed and will be kept with the revocation.</source>
        <translation>La carta está fotografiada y se guardará con la revocación.</translation>
    </message>
    <message>
        <source>Photograph the patient&apos;s signed letter. The photo is stored encrypted with the revocation.</source>
        <translation>Fotografíe la carta firmada del paciente. La foto se guarda cifrada con la revocación.</translation>
    </message>
    <message>
        <source>Photo of the letter</source>
        <translation>Foto de la carta</translation>
    </message>
    <message>
        <source>Photograph the letter again</source>
        <translation>Volver a fotografiar la carta</translation>
    </message>
    <message>
        <source>Photograph the letter</source>
        <translation>Fotografiar la carta</translation>
    </message>
    <message>
        <source>When was it received?</source>
        <translation>¿Cuándo se recibió?</translation>
    </message>
    <message>
        <source>Date (year-month-day)</source>
        <translation>Fecha (año-mes-día)</translation>
    </message>
    <message>
        <source>Date received, year-month-day</source>
        <translation>Fecha de recepción, año-mes-día</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Time received, hours and minutes</source>
        <translation>Hora de recepción, horas y minutos</translation>
    </message>
    <message>
        <source>How it was received (required), for example by phone and then by e-mail</source>
        <translation>Cómo se recibió (obligatorio), por ejemplo por teléfono y luego por correo electrónico</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>How it was received</source>
        <translation>Cómo se recibió</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Record this revocation?</source>
        <translation>¿Registrar esta revocación?</translation>
    </message>
    <message>
        <source>It can&apos;t be undone. Only a new consent can allow these items again.</source>
        <translation>No se puede deshacer. Solo un consentimiento nuevo puede volver a permitir estos elementos.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
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
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>El más grande</translation>
    </message>
</context>
<context>
    <name>ShareWording</name>
    <message>
        <source>This item is no longer in the vault.</source>
        <translation>Este elemento ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>Choose the platform, audience and purpose first.</source>
        <translation>Elija primero la plataforma, el público y la finalidad.</translation>
    </message>
    <message>
        <source>The practice&apos;s policy does not allow %1.</source>
        <translation>La política de la consulta no permite %1.</translation>
    </message>
    <message>
        <source>No consent covers this item.</source>
        <translation>Ningún consentimiento cubre este elemento.</translation>
    </message>
    <message>
        <source>Story edited after signing: the consent covers an earlier version.</source>
        <translation>Relato editado después de la firma: el consentimiento cubre una versión anterior.</translation>
    </message>
    <message>
        <source>The consent&apos;s record fails verification.</source>
        <translation>El registro del consentimiento no supera la verificación.</translation>
    </message>
    <message>
        <source>The consent lacks a required element.</source>
        <translation>Al consentimiento le falta un elemento obligatorio.</translation>
    </message>
    <message>
        <source>Consent revoked on %1.</source>
        <translation>Consentimiento revocado el %1.</translation>
    </message>
    <message>
        <source>The consent starts on %1.</source>
        <translation>El consentimiento empieza el %1.</translation>
    </message>
    <message>
        <source>Consent expired on %1.</source>
        <translation>El consentimiento venció el %1.</translation>
    </message>
    <message>
        <source>The consent does not cover %1.</source>
        <translation>El consentimiento no cubre %1.</translation>
    </message>
    <message>
        <source>The consent does not cover this audience: %1.</source>
        <translation>El consentimiento no cubre este público: %1.</translation>
    </message>
    <message>
        <source>The consent does not cover this purpose: %1.</source>
        <translation>El consentimiento no cubre esta finalidad: %1.</translation>
    </message>
    <message>
        <source>The consent allows only de-identified use: attach a redacted copy.</source>
        <translation>El consentimiento solo permite un uso sin identificación: adjunte una copia censurada.</translation>
    </message>
    <message>
        <source>The redacted copy leaves an identifying region visible.</source>
        <translation>La copia censurada deja visible una zona identificativa.</translation>
    </message>
    <message>
        <source>Blocked by the share gate.</source>
        <translation>Bloqueado por el control de publicación.</translation>
    </message>
    <message>
        <source>the patient&apos;s name</source>
        <translation>el nombre del paciente</translation>
    </message>
    <message>
        <source>a date other than the year</source>
        <translation>una fecha distinta del año</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>un número de teléfono</translation>
    </message>
    <message>
        <source>a fax number</source>
        <translation>un número de fax</translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation>una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>a web address with an identifier</source>
        <translation>una dirección web con un identificador</translation>
    </message>
    <message>
        <source>a record, account or licence number</source>
        <translation>un número de historia, cuenta o licencia</translation>
    </message>
    <message>
        <source>a social security number</source>
        <translation>un número de la seguridad social</translation>
    </message>
    <message>
        <source>a street address</source>
        <translation>una dirección postal</translation>
    </message>
    <message>
        <source>a ZIP code</source>
        <translation>un código postal</translation>
    </message>
    <message>
        <source>an age over 89</source>
        <translation>una edad de más de 89 años</translation>
    </message>
    <message>
        <source>an IP address</source>
        <translation>una dirección IP</translation>
    </message>
    <message>
        <source>an identifier</source>
        <translation>un identificador</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like %2. Remove it: posts must not carry protected health information.</source>
        <translation>«%1» parece %2. Quítelo: las publicaciones no deben llevar información de salud protegida.</translation>
    </message>
    <message>
        <source>The story was edited after the patient signed. Its text is not the version the consent covers: get a new consent or attach the signed version.</source>
        <translation>El relato se editó después de que firmara el paciente. Su texto no es la versión que cubre el consentimiento: obtenga un consentimiento nuevo o adjunte la versión firmada.</translation>
    </message>
    <message>
        <source>The consent allows only de-identified use. Attach a redacted copy that hides the face and every marked region.</source>
        <translation>El consentimiento solo permite un uso sin identificación. Adjunte una copia censurada que oculte la cara y todas las zonas marcadas.</translation>
    </message>
    <message>
        <source>The patient was compensated, so the post must say it is sponsored (for example &quot;#ad&quot;).</source>
        <translation>El paciente recibió una compensación, así que la publicación debe decir que es patrocinada (por ejemplo «#publicidad»).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; makes a health claim without a source. Link the study or guideline, for example from pubmed.ncbi.nlm.nih.gov or medlineplus.gov.</source>
        <translation>«%1» afirma algo sobre la salud sin fuente. Enlace el estudio o la guía, por ejemplo de pubmed.ncbi.nlm.nih.gov o medlineplus.gov.</translation>
    </message>
    <message>
        <source>Consider adding &quot;General education, not medical advice.&quot;</source>
        <translation>Considere añadir «Contenido de educación general, no es consejo médico.»</translation>
    </message>
    <message>
        <source>An attached item is blocked: %1</source>
        <translation>Un elemento adjunto está bloqueado: %1</translation>
    </message>
    <message>
        <source>Check the post before sharing.</source>
        <translation>Revise la publicación antes de compartirla.</translation>
    </message>
    <message>
        <source>Blocks sharing</source>
        <translation>Impide compartir</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Área de firma</translation>
    </message>
    <message>
        <source>Empty. Sign with your finger.</source>
        <translation>Vacío. Firme con el dedo.</translation>
    </message>
    <message>
        <source>Signed.</source>
        <translation>Firmado.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Firme aquí</translation>
    </message>
</context>
<context>
    <name>StoryEditorPage</name>
    <message>
        <source>Edit story</source>
        <translation>Editar relato</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>Nuevo relato</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>You are editing version %1. Saving creates version %2; consents signed for earlier versions do not cover the new text.</source>
        <translation>Está editando la versión %1. Al guardar se crea la versión %2; los consentimientos firmados para versiones anteriores no cubren el texto nuevo.</translation>
    </message>
    <message>
        <source>The case, in words the patient can read</source>
        <translation>El caso, con palabras que el paciente pueda entender</translation>
    </message>
    <message>
        <source>Story text</source>
        <translation>Texto del relato</translation>
    </message>
    <message>
        <source>Save story</source>
        <translation>Guardar relato</translation>
    </message>
</context>
<context>
    <name>TargetBox</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
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
    <name>WizardHandBackStep</name>
    <message>
        <source>Thank you. Please hand the phone back to your clinician.</source>
        <translation>Gracias. Por favor, devuelva el teléfono a su médico.</translation>
    </message>
    <message>
        <source>Clinician: review the choices, then countersign with your passcode to seal the consent.</source>
        <translation>Profesional clínico: revise las opciones y luego refrende con su código de acceso para sellar el consentimiento.</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Falta todavía: %1</translation>
    </message>
    <message>
        <source>Clinician&apos;s passcode</source>
        <translation>Código de acceso del profesional clínico</translation>
    </message>
    <message>
        <source>Countersign and seal</source>
        <translation>Refrendar y sellar</translation>
    </message>
    <message>
        <source>Cancel this consent</source>
        <translation>Cancelar este consentimiento</translation>
    </message>
</context>
<context>
    <name>WizardItemsStep</name>
    <message>
        <source>What would be shared</source>
        <translation>Qué se compartiría</translation>
    </message>
    <message>
        <source>These are the exact photos and texts this permission is about. Nothing else is covered. Tap a photo to see it larger.</source>
        <translation>Estas son exactamente las fotos y los textos a los que se refiere este permiso. No incluye nada más. Toque una foto para verla más grande.</translation>
    </message>
    <message>
        <source>Enlarge %1</source>
        <translation>Ampliar %1</translation>
    </message>
</context>
<context>
    <name>WizardLanguageStep</name>
    <message>
        <source>Choose your language</source>
        <translation>Elija su idioma</translation>
    </message>
    <message>
        <source>Welcome, %1. Your clinician asks for your permission to share some of your health information. Please read each page carefully.</source>
        <translation>Bienvenido/a, %1. Su médico le pide permiso para compartir parte de su información de salud. Por favor, lea cada página con atención.</translation>
    </message>
</context>
<context>
    <name>WizardQuizStep</name>
    <message>
        <source>A few questions</source>
        <translation>Algunas preguntas</translation>
    </message>
    <message>
        <source>These questions check that the form is clear. They are not a test of you.</source>
        <translation>Estas preguntas sirven para comprobar que el formulario es claro. No son un examen para usted.</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>Comprobar mi respuesta</translation>
    </message>
    <message>
        <source>That&apos;s right.</source>
        <translation>Correcto.</translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>Por favor, inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>WizardScopeStep</name>
    <message>
        <source>Why it may be shared</source>
        <translation>Para qué se puede compartir</translation>
    </message>
    <message>
        <source>Where it may be posted</source>
        <translation>Dónde se puede publicar</translation>
    </message>
    <message>
        <source>Who may see it</source>
        <translation>Quién puede verlo</translation>
    </message>
    <message>
        <source>Can people tell it is you?</source>
        <translation>¿Se le podrá reconocer?</translation>
    </message>
    <message>
        <source>No: only versions with my face and identifying marks hidden</source>
        <translation>No: solo versiones en las que mi cara y mis rasgos identificables estén ocultos</translation>
    </message>
    <message>
        <source>Yes: I may be recognizable</source>
        <translation>Sí: es posible que me reconozcan</translation>
    </message>
    <message>
        <source>Until when</source>
        <translation>Hasta cuándo</translation>
    </message>
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
    <message>
        <source>The longest the practice allows</source>
        <translation>El plazo máximo que permite el consultorio</translation>
    </message>
    <message>
        <source>Ends on %1</source>
        <translation>Termina el %1</translation>
    </message>
    <message>
        <source>End sooner, when something happens</source>
        <translation>Terminar antes, cuando ocurra algo</translation>
    </message>
    <message>
        <source>For example: the end of my treatment</source>
        <translation>Por ejemplo: el fin de mi tratamiento</translation>
    </message>
</context>
<context>
    <name>WizardSignStep</name>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>Área de firma</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Your name, printed</source>
        <translation>Su nombre, en letra de imprenta</translation>
    </message>
    <message>
        <source>You agreed</source>
        <translation>Usted aceptó</translation>
    </message>
    <message>
        <source>I agree and sign</source>
        <translation>Acepto y firmo</translation>
    </message>
</context>
<context>
    <name>WizardSignerStep</name>
    <message>
        <source>Who is signing?</source>
        <translation>¿Quién firma?</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Su nombre completo</translation>
    </message>
    <message>
        <source>Your relationship to the patient (for example: mother)</source>
        <translation>Su relación con el paciente (por ejemplo: madre)</translation>
    </message>
    <message>
        <source>Your authority to sign (for example: parent of a minor, court order)</source>
        <translation>Su facultad para firmar (por ejemplo: padre o madre de un menor, orden judicial)</translation>
    </message>
    <message>
        <source>Optional: a photo of the document that gives you this authority.</source>
        <translation>Opcional: una foto del documento que le da esta autoridad.</translation>
    </message>
    <message>
        <source>Photo of the authority document</source>
        <translation>Foto del documento de autorización</translation>
    </message>
    <message>
        <source>Take another photo</source>
        <translation>Tomar otra foto</translation>
    </message>
    <message>
        <source>Photograph the document</source>
        <translation>Fotografiar el documento</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Quitar la foto</translation>
    </message>
</context>
<context>
    <name>WizardWitnessStep</name>
    <message>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <source>The practice asks for a witness. The witness watched you sign and signs here.</source>
        <translation>El consultorio solicita un testigo. El testigo lo/la vio firmar y firma aquí.</translation>
    </message>
    <message>
        <source>Optional: a witness who watched you sign may sign here. You can skip this step.</source>
        <translation>Opcional: un testigo que lo/la vio firmar puede firmar aquí. Puede omitir este paso.</translation>
    </message>
    <message>
        <source>Witness&apos;s name</source>
        <translation>Nombre del testigo</translation>
    </message>
    <message>
        <source>Witness signature pad</source>
        <translation>Área de firma del testigo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear witness signature</source>
        <translation>Borrar la firma del testigo</translation>
    </message>
    <message>
        <source>Witness signed</source>
        <translation>El testigo firmó</translation>
    </message>
    <message>
        <source>Save witness signature</source>
        <translation>Guardar la firma del testigo</translation>
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
    <name>cc::ui::AuditController</name>
    <message>
        <source>Patient: %1</source>
        <translation>Paciente: %1</translation>
    </message>
    <message>
        <source>Consent %1</source>
        <translation>Consentimiento %1</translation>
    </message>
    <message>
        <source>Post %1</source>
        <translation>Publicación %1</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Checking every entry and signed checkpoint…</source>
        <translation>Comprobando cada entrada y cada punto de control firmado…</translation>
    </message>
    <message>
        <source>The check stopped because the vault locked. Unlock and check again.</source>
        <translation>La comprobación se detuvo porque la bóveda se bloqueó. Desbloquee y vuelva a comprobar.</translation>
    </message>
    <message>
        <source>The log could not be read. Nothing was changed.</source>
        <translation>No se pudo leer el registro. No se cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>The log is intact: %n entries verified.</source>
        <translation>
            <numerusform>El registro está intacto: %n entrada verificada.</numerusform>
            <numerusform>El registro está intacto: %n entradas verificadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed checkpoints.</source>
        <translation>
            <numerusform>%n punto de control firmado.</numerusform>
            <numerusform>%n puntos de control firmados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last %n entries are not yet covered by a signed checkpoint; the vault&apos;s encryption protects them.</source>
        <translation>
            <numerusform>La última entrada todavía no está cubierta por un punto de control firmado; la protege el cifrado de la bóveda.</numerusform>
            <numerusform>Las últimas %n entradas todavía no están cubiertas por un punto de control firmado; las protege el cifrado de la bóveda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1 is the first that does not verify: %2</source>
        <translation>La entrada %1 es la primera que no se verifica: %2</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Bóveda creada</translation>
    </message>
    <message>
        <source>Device key created</source>
        <translation>Clave del dispositivo creada</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>Bóveda desbloqueada</translation>
    </message>
    <message>
        <source>Passcode changed</source>
        <translation>Código cambiado</translation>
    </message>
    <message>
        <source>Clinician profile changed</source>
        <translation>Perfil del profesional cambiado</translation>
    </message>
    <message>
        <source>Practice policy changed</source>
        <translation>Política del consultorio cambiada</translation>
    </message>
    <message>
        <source>Patient added</source>
        <translation>Paciente añadido</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Foto añadida</translation>
    </message>
    <message>
        <source>Redacted copy made</source>
        <translation>Copia censurada creada</translation>
    </message>
    <message>
        <source>Identifying regions marked</source>
        <translation>Zonas identificativas marcadas</translation>
    </message>
    <message>
        <source>Story written</source>
        <translation>Historia escrita</translation>
    </message>
    <message>
        <source>Story edited</source>
        <translation>Historia editada</translation>
    </message>
    <message>
        <source>Consent sealed</source>
        <translation>Consentimiento sellado</translation>
    </message>
    <message>
        <source>Patient&apos;s copy made</source>
        <translation>Copia del paciente creada</translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation>Consentimiento revocado</translation>
    </message>
    <message>
        <source>Consent&apos;s end event recorded</source>
        <translation>Evento de fin del consentimiento registrado</translation>
    </message>
    <message>
        <source>Draft started</source>
        <translation>Borrador iniciado</translation>
    </message>
    <message>
        <source>Draft changed</source>
        <translation>Borrador cambiado</translation>
    </message>
    <message>
        <source>Item added to a draft</source>
        <translation>Elemento añadido a un borrador</translation>
    </message>
    <message>
        <source>Item removed from a draft</source>
        <translation>Elemento quitado de un borrador</translation>
    </message>
    <message>
        <source>Draft discarded</source>
        <translation>Borrador descartado</translation>
    </message>
    <message>
        <source>Post shared</source>
        <translation>Publicación compartida</translation>
    </message>
    <message>
        <source>Post&apos;s address recorded</source>
        <translation>Dirección de la publicación registrada</translation>
    </message>
    <message>
        <source>Post flagged for takedown</source>
        <translation>Publicación marcada para retirar</translation>
    </message>
    <message>
        <source>Post taken down</source>
        <translation>Publicación retirada</translation>
    </message>
    <message>
        <source>Patient&apos;s copy given</source>
        <translation>Copia entregada al paciente</translation>
    </message>
    <message>
        <source>Revocation receipt given</source>
        <translation>Comprobante de revocación entregado</translation>
    </message>
    <message>
        <source>File exported</source>
        <translation>Archivo exportado</translation>
    </message>
    <message>
        <source>the check was stopped.</source>
        <translation>la comprobación se detuvo.</translation>
    </message>
    <message>
        <source>two signed checkpoints claim the same entry.</source>
        <translation>dos puntos de control firmados corresponden a la misma entrada.</translation>
    </message>
    <message>
        <source>an entry is missing.</source>
        <translation>falta una entrada.</translation>
    </message>
    <message>
        <source>the entries are out of order.</source>
        <translation>las entradas están desordenadas.</translation>
    </message>
    <message>
        <source>it was changed after it was written.</source>
        <translation>se modificó después de escribirse.</translation>
    </message>
    <message>
        <source>a signed checkpoint that must follow it is missing, so an entry may have been changed, added or removed.</source>
        <translation>falta un punto de control firmado que debe seguirla, así que una entrada puede haberse modificado, añadido o quitado.</translation>
    </message>
    <message>
        <source>a checkpoint is not signed by this device&apos;s key.</source>
        <translation>un punto de control no está firmado con la clave de este dispositivo.</translation>
    </message>
    <message>
        <source>the entries differ from what a signed checkpoint vouches for.</source>
        <translation>las entradas no coinciden con lo que garantiza un punto de control firmado.</translation>
    </message>
    <message>
        <source>entries were removed from the end of the log.</source>
        <translation>se quitaron entradas del final del registro.</translation>
    </message>
    <message>
        <source>it is not a well-formed entry.</source>
        <translation>no es una entrada bien formada.</translation>
    </message>
    <message>
        <source>the log does not begin with the vault&apos;s creation and its device key.</source>
        <translation>el registro no empieza con la creación de la bóveda y su clave del dispositivo.</translation>
    </message>
    <message>
        <source>what the log is searched by no longer matches the entry.</source>
        <translation>los datos por los que se busca en el registro ya no coinciden con la entrada.</translation>
    </message>
    <message>
        <source>the log is empty.</source>
        <translation>el registro está vacío.</translation>
    </message>
    <message>
        <source>the export can&apos;t be read.</source>
        <translation>la exportación no se puede leer.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Paciente %1</translation>
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
<context>
    <name>cc::ui::ConsentCopyController</name>
    <message>
        <source>That consent is not in the vault.</source>
        <translation>Ese consentimiento no está en la bóveda.</translation>
    </message>
    <message>
        <source>This consent&apos;s record does not verify, so no copy can be made from it.</source>
        <translation>El registro de este consentimiento no se puede verificar, así que no se puede hacer una copia.</translation>
    </message>
    <message>
        <source>A photo this consent covers could not be read.</source>
        <translation>No se pudo leer una foto que cubre este consentimiento.</translation>
    </message>
    <message>
        <source>The device&apos;s storage could not be read or written.</source>
        <translation>No se pudo leer ni escribir en el almacenamiento del dispositivo.</translation>
    </message>
    <message>
        <source>The vault is open for inspection only.</source>
        <translation>La bóveda está abierta solo para inspección.</translation>
    </message>
    <message>
        <source>The copy could not be made.</source>
        <translation>No se pudo hacer la copia.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Choose a folder to save the copy in.</source>
        <translation>Elija una carpeta donde guardar la copia.</translation>
    </message>
    <message>
        <source>Copy saved to %1</source>
        <translation>Copia guardada en %1</translation>
    </message>
    <message>
        <source>Copy shared.</source>
        <translation>Copia compartida.</translation>
    </message>
    <message>
        <source>Sharing was cancelled. The copy stays in the vault.</source>
        <translation>Se canceló el envío. La copia sigue en la bóveda.</translation>
    </message>
    <message>
        <source>The copy could not be saved in that folder. Choose another folder.</source>
        <translation>No se pudo guardar la copia en esa carpeta. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>There is not enough space to save the copy.</source>
        <translation>No hay espacio suficiente para guardar la copia.</translation>
    </message>
    <message>
        <source>Another file is still being shared. Try again in a moment.</source>
        <translation>Todavía se está compartiendo otro archivo. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The copy could not be saved or shared.</source>
        <translation>No se pudo guardar ni compartir la copia.</translation>
    </message>
</context>
<context>
    <name>cc::ui::ConsentSession</name>
    <message>
        <source>Choose at least one photo or story for the consent.</source>
        <translation>Elija al menos una foto o un relato para el consentimiento.</translation>
    </message>
    <message>
        <source>Complete your clinician profile in Settings first: the form names you, your practice and where a patient sends a revocation.</source>
        <translation>Primero complete su perfil de profesional clínico en Configuración: el formulario indica su nombre, su consultorio y adónde debe enviar el paciente una revocación.</translation>
    </message>
    <message>
        <source>This patient is no longer in the vault.</source>
        <translation>Este paciente ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>Choose at least one purpose.</source>
        <translation>Elija al menos una finalidad.</translation>
    </message>
    <message>
        <source>Choose at least one place where it may be posted.</source>
        <translation>Elija al menos un lugar donde se pueda publicar.</translation>
    </message>
    <message>
        <source>Choose who may see it.</source>
        <translation>Elija quién puede verlo.</translation>
    </message>
    <message>
        <source>Choose an end date from today on.</source>
        <translation>Elija una fecha de finalización a partir de hoy.</translation>
    </message>
    <message numerus="yes">
        <source>The end date can be at most %n day(s) from today.</source>
        <translation>
            <numerusform>La fecha de finalización puede ser como máximo %n día a partir de hoy.</numerusform>
            <numerusform>La fecha de finalización puede ser como máximo %n días a partir de hoy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Describe the event that ends the consent.</source>
        <translation>Describa el hecho que pone fin al consentimiento.</translation>
    </message>
    <message>
        <source>The form can&apos;t be shown for these choices.</source>
        <translation>No se puede mostrar el formulario con estas opciones.</translation>
    </message>
    <message>
        <source>Enter the name of the person signing.</source>
        <translation>Escriba el nombre de la persona que firma.</translation>
    </message>
    <message>
        <source>Enter how the person signing is related to the patient.</source>
        <translation>Indique qué relación tiene con el paciente la persona que firma.</translation>
    </message>
    <message>
        <source>Describe the authority to sign for the patient (for example a court order or a power of attorney).</source>
        <translation>Describa la facultad para firmar en nombre del paciente (por ejemplo, una orden judicial o un poder notarial).</translation>
    </message>
    <message>
        <source>The signature could not be read. Please clear it and sign again.</source>
        <translation>No se pudo leer la firma. Por favor, bórrela y vuelva a firmar.</translation>
    </message>
    <message>
        <source>Please sign in the box.</source>
        <translation>Por favor, firme dentro del recuadro.</translation>
    </message>
    <message>
        <source>This looks like a mark rather than a signature. Please sign your name as you usually do.</source>
        <translation>Esto parece una marca y no una firma. Por favor, firme como lo hace habitualmente.</translation>
    </message>
    <message>
        <source>Enter the witness&apos;s name.</source>
        <translation>Escriba el nombre del testigo.</translation>
    </message>
    <message>
        <source>What will be shared</source>
        <translation>Qué se compartirá</translation>
    </message>
    <message>
        <source>The clinician&apos;s profile (Settings)</source>
        <translation>El perfil del profesional clínico (Configuración)</translation>
    </message>
    <message>
        <source>Where it may be posted and who may see it</source>
        <translation>Dónde se puede publicar y quién puede verlo</translation>
    </message>
    <message>
        <source>The purposes</source>
        <translation>Las finalidades</translation>
    </message>
    <message>
        <source>The regions that identify the patient must be marked on each photo before a de-identified-only consent</source>
        <translation>Las zonas que identifican al paciente deben marcarse en cada foto antes de un consentimiento solo para versiones anonimizadas</translation>
    </message>
    <message>
        <source>An end date within the practice&apos;s maximum</source>
        <translation>Una fecha de finalización dentro del máximo del consultorio</translation>
    </message>
    <message>
        <source>Who signs, and for a representative the relationship and authority</source>
        <translation>Quién firma y, si es un representante, su relación y su facultad</translation>
    </message>
    <message>
        <source>The signature</source>
        <translation>La firma</translation>
    </message>
    <message>
        <source>The printed name</source>
        <translation>El nombre en letra de imprenta</translation>
    </message>
    <message>
        <source>The date of the signature</source>
        <translation>La fecha de la firma</translation>
    </message>
    <message>
        <source>The explicit agreement (&quot;I agree&quot;)</source>
        <translation>La aceptación explícita («Acepto»)</translation>
    </message>
    <message>
        <source>The witness&apos;s signature (required by the practice)</source>
        <translation>La firma del testigo (exigida por el consultorio)</translation>
    </message>
    <message>
        <source>The clinician&apos;s countersignature</source>
        <translation>La firma de refrendo del profesional clínico</translation>
    </message>
    <message>
        <source>The consent form itself (%1)</source>
        <translation>El formulario de consentimiento en sí (%1)</translation>
    </message>
    <message>
        <source>The questions about the form</source>
        <translation>Las preguntas sobre el formulario</translation>
    </message>
    <message>
        <source>Not ready to seal. Still missing: %1</source>
        <translation>Todavía no se puede sellar. Falta: %1</translation>
    </message>
    <message>
        <source>The consent could not be sealed. Missing: %1</source>
        <translation>No se pudo sellar el consentimiento. Falta: %1</translation>
    </message>
    <message>
        <source>Sharing with your identity hidden is not possible yet: your clinician has not marked which parts of the photos identify you. Choose &quot;Yes&quot;, or hand the phone back to your clinician.</source>
        <translation>Todavía no se puede compartir ocultando su identidad: su médico no ha marcado qué partes de las fotos lo/la identifican. Elija «Sí» o devuelva el teléfono a su médico.</translation>
    </message>
    <message>
        <source>Describe the payment: who pays, and for what. The form tells the patient.</source>
        <translation>Describa el pago: quién paga y por qué. El formulario se lo dice al paciente.</translation>
    </message>
    <message>
        <source>This photo is not an authority document of this patient.</source>
        <translation>Esta foto no es un documento de autorización de este paciente.</translation>
    </message>
</context>
<context>
    <name>cc::ui::LibraryController</name>
    <message>
        <source>Enter the patient&apos;s name.</source>
        <translation>Escriba el nombre del paciente.</translation>
    </message>
    <message>
        <source>Enter the birth date as year-month-day, for example 1984-03-05.</source>
        <translation>Escriba la fecha de nacimiento como año-mes-día, por ejemplo 1984-03-05.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>La fecha de nacimiento es posterior a hoy.</translation>
    </message>
    <message>
        <source>This patient is no longer in the vault.</source>
        <translation>Este paciente ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>Write the story before saving it.</source>
        <translation>Escriba el relato antes de guardarlo.</translation>
    </message>
    <message>
        <source>Give the story a title.</source>
        <translation>Póngale un título al relato.</translation>
    </message>
    <message>
        <source>That item is no longer in the vault.</source>
        <translation>Ese elemento ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>The vault can&apos;t accept this input.</source>
        <translation>La bóveda no puede aceptar estos datos.</translation>
    </message>
    <message>
        <source>The consent rules don&apos;t allow this.</source>
        <translation>Las reglas del consentimiento no lo permiten.</translation>
    </message>
    <message>
        <source>This was already done.</source>
        <translation>Esto ya se hizo.</translation>
    </message>
    <message>
        <source>This file is not a photo the app accepts (JPEG or PNG).</source>
        <translation>Este archivo no es una foto que la app acepte (JPEG o PNG).</translation>
    </message>
    <message>
        <source>The vault could not be read or written. Nothing was changed.</source>
        <translation>No se pudo leer ni escribir en la bóveda. No se cambió nada.</translation>
    </message>
    <message>
        <source>This vault is open for inspection only.</source>
        <translation>Esta bóveda está abierta solo para consulta.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation>Algo salió mal. No se cambió nada.</translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation>N.º de historia %1</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Nació el %1</translation>
    </message>
    <message>
        <source>A marked region must lie inside the photo.</source>
        <translation>Una zona marcada debe estar dentro de la foto.</translation>
    </message>
    <message>
        <source>Draw at least one box to redact.</source>
        <translation>Dibuje al menos un recuadro para censurar.</translation>
    </message>
    <message>
        <source>A redaction must lie inside the photo.</source>
        <translation>Una censura debe estar dentro de la foto.</translation>
    </message>
    <message>
        <source>This photo could not be read.</source>
        <translation>No se pudo leer esta foto.</translation>
    </message>
    <message>
        <source>Face hints are not available on this device. Draw the boxes yourself.</source>
        <translation>Las sugerencias de caras no están disponibles en este dispositivo. Dibuje usted los recuadros.</translation>
    </message>
</context>
<context>
    <name>cc::ui::PostsController</name>
    <message>
        <source>Fix the checks marked &quot;Blocks sharing&quot; first.</source>
        <translation>Corrija primero las comprobaciones marcadas «Impide compartir».</translation>
    </message>
    <message>
        <source>That draft or item is no longer in the vault.</source>
        <translation>Ese borrador o elemento ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>The draft is not complete: choose the platform, audience and purpose and attach at least one item.</source>
        <translation>El borrador no está completo: elija la plataforma, el público y la finalidad y adjunte al menos un elemento.</translation>
    </message>
    <message>
        <source>This draft has already been shared or discarded.</source>
        <translation>Este borrador ya se compartió o se descartó.</translation>
    </message>
    <message>
        <source>A photo could not be read.</source>
        <translation>No se pudo leer una foto.</translation>
    </message>
    <message>
        <source>The device&apos;s storage could not be read or written.</source>
        <translation>No se pudo leer ni escribir en el almacenamiento del dispositivo.</translation>
    </message>
    <message>
        <source>The vault is open for inspection only.</source>
        <translation>La bóveda está abierta solo para inspección.</translation>
    </message>
    <message>
        <source>Sharing is not allowed.</source>
        <translation>No se permite compartir.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was shared.</source>
        <translation>Algo salió mal. No se compartió nada.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicada</translation>
    </message>
    <message>
        <source>Takedown required</source>
        <translation>Hay que retirarla</translation>
    </message>
    <message>
        <source>Removed on %1</source>
        <translation>Retirada el %1</translation>
    </message>
    <message>
        <source>Redacted copy, %1</source>
        <translation>Copia censurada, %1</translation>
    </message>
    <message>
        <source>Photo, %1</source>
        <translation>Foto, %1</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>That draft is no longer open.</source>
        <translation>Ese borrador ya no está abierto.</translation>
    </message>
    <message>
        <source>Choose a folder to save the post&apos;s files in.</source>
        <translation>Elija una carpeta donde guardar los archivos de la publicación.</translation>
    </message>
    <message>
        <source>Post recorded. Files saved to %1</source>
        <translation>Publicación registrada. Archivos guardados en %1</translation>
    </message>
    <message>
        <source>Post recorded and shared.</source>
        <translation>Publicación registrada y compartida.</translation>
    </message>
    <message>
        <source>Sharing was cancelled. The post is recorded: if it was not published, nothing needs to be taken down.</source>
        <translation>Se canceló el envío. La publicación queda registrada: si no se publicó, no hay que retirar nada.</translation>
    </message>
    <message>
        <source>The files could not be saved in that folder.</source>
        <translation>No se pudieron guardar los archivos en esa carpeta.</translation>
    </message>
    <message>
        <source>There is not enough space to save the files.</source>
        <translation>No hay espacio suficiente para guardar los archivos.</translation>
    </message>
    <message>
        <source>Another file is still being shared. Try again in a moment.</source>
        <translation>Todavía se está compartiendo otro archivo. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The files could not be saved or shared.</source>
        <translation>No se pudieron guardar ni compartir los archivos.</translation>
    </message>
    <message>
        <source>Enter the post&apos;s web address, starting with https://</source>
        <translation>Escriba la dirección web de la publicación, empezando por https://</translation>
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
    <name>cc::ui::RevocationController</name>
    <message>
        <source>Where and to whom: not chosen yet</source>
        <translation>Dónde y para quién: todavía sin elegir</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>La bóveda está bloqueada.</translation>
    </message>
    <message>
        <source>That consent is not in the vault.</source>
        <translation>Ese consentimiento no está en la bóveda.</translation>
    </message>
    <message>
        <source>Enter the date as year-month-day, for example 2025-03-05.</source>
        <translation>Escriba la fecha como año-mes-día, por ejemplo 2025-03-05.</translation>
    </message>
    <message>
        <source>Enter the time as hours and minutes, for example 14:30.</source>
        <translation>Escriba la hora como horas y minutos, por ejemplo 14:30.</translation>
    </message>
    <message>
        <source>That is in the future. Enter when it happened.</source>
        <translation>Eso está en el futuro. Escriba cuándo ocurrió.</translation>
    </message>
    <message>
        <source>This consent is already revoked. A revocation is final.</source>
        <translation>Este consentimiento ya está revocado. Una revocación es definitiva.</translation>
    </message>
    <message>
        <source>Choose how the revocation was received.</source>
        <translation>Elija cómo se recibió la revocación.</translation>
    </message>
    <message>
        <source>Photograph the patient&apos;s letter, or import a photo of it.</source>
        <translation>Fotografíe la carta del paciente o importe una foto de ella.</translation>
    </message>
    <message>
        <source>Say how the revocation was received, for example &quot;by phone, then by e-mail&quot;.</source>
        <translation>Indique cómo se recibió la revocación, por ejemplo «por teléfono y luego por correo electrónico».</translation>
    </message>
    <message>
        <source>The consent is revoked. Nothing it covered can be shared any more.</source>
        <translation>El consentimiento está revocado. Ya no se puede compartir nada de lo que cubría.</translation>
    </message>
    <message>
        <source>The post is marked as taken down.</source>
        <translation>La publicación está marcada como retirada.</translation>
    </message>
    <message>
        <source>Record the revocation first: the receipt is for a revoked consent.</source>
        <translation>Registre primero la revocación: el comprobante es de un consentimiento revocado.</translation>
    </message>
    <message>
        <source>Choose a folder to save the receipt in.</source>
        <translation>Elija una carpeta donde guardar el comprobante.</translation>
    </message>
    <message>
        <source>Receipt saved to %1</source>
        <translation>Comprobante guardado en %1</translation>
    </message>
    <message>
        <source>Receipt shared.</source>
        <translation>Comprobante compartido.</translation>
    </message>
    <message>
        <source>Sharing was cancelled. You can give the receipt again at any time.</source>
        <translation>Se canceló el envío. Puede volver a dar el comprobante en cualquier momento.</translation>
    </message>
    <message>
        <source>The receipt could not be saved in that folder. Choose another folder.</source>
        <translation>No se pudo guardar el comprobante en esa carpeta. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>There is not enough space to save the receipt.</source>
        <translation>No hay espacio suficiente para guardar el comprobante.</translation>
    </message>
    <message>
        <source>Another file is still being shared. Try again in a moment.</source>
        <translation>Todavía se está compartiendo otro archivo. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The receipt could not be saved or shared.</source>
        <translation>No se pudo guardar ni compartir el comprobante.</translation>
    </message>
    <message>
        <source>That consent or post is no longer in the vault.</source>
        <translation>Ese consentimiento o esa publicación ya no está en la bóveda.</translation>
    </message>
    <message>
        <source>The vault can&apos;t accept this. Check the date and the photo, then try again.</source>
        <translation>La bóveda no puede aceptar esto. Revise la fecha y la foto y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This consent&apos;s record does not verify, so no receipt can be made from it.</source>
        <translation>El registro de este consentimiento no se verifica, así que no se puede hacer un comprobante a partir de él.</translation>
    </message>
    <message>
        <source>This was already recorded: a revocation is final, and a post is taken down only once.</source>
        <translation>Esto ya estaba registrado: una revocación es definitiva y una publicación se retira una sola vez.</translation>
    </message>
    <message>
        <source>This file is not a photo the app accepts (JPEG or PNG).</source>
        <translation>Este archivo no es una foto que la app acepte (JPEG o PNG).</translation>
    </message>
    <message>
        <source>The vault could not be read or written. Nothing was changed.</source>
        <translation>No se pudo leer ni escribir en la bóveda. No se cambió nada.</translation>
    </message>
    <message>
        <source>This vault is open for inspection only.</source>
        <translation>Esta bóveda está abierta solo para consulta.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation>Algo salió mal. No se cambió nada.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Hasta el %1</translation>
    </message>
    <message>
        <source>Until %1, and no later than %2</source>
        <translation>Hasta %1, y a más tardar el %2</translation>
    </message>
    <message>
        <source>May show who the patient is</source>
        <translation>Puede mostrar quién es el paciente</translation>
    </message>
    <message>
        <source>Only with everything that identifies the patient hidden</source>
        <translation>Solo con todo lo que identifica al paciente oculto</translation>
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
