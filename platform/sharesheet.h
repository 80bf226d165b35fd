#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace cc::platform {

// Hands a file to the operating system for the user to send or keep (DESIGN §2.3.8 the
// signer's copy, §2.6 sharing): on Android and iOS the system share sheet, where the user
// picks the app (mail, messages, files, a printer); on desktop Linux a folder the user
// picked, where the file is saved. Once handed over the bytes are out of the vault's
// protection, so callers record the export before calling share().
//
// Asynchronous: `finished` arrives exactly once per share() call, with the request number
// share() returned, after share() has returned, on the thread that called it. One share
// at a time: a call while another is in flight finishes with Busy and leaves the first
// one alone. Several parts of the app may share through one sheet: each listens for its
// own request numbers.
class ShareSheet : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Shared,            // saved in the folder, or handed to the app the user chose
        Cancelled,         // the user closed the share sheet without choosing an app
        FolderUnavailable, // the folder is missing, not a folder, or can't be written to
        NoSpace,           // the device (or the user's quota) is full
        Failed,            // anything else: a bad file name, an I/O error, the OS refusing
        Busy,              // another share is still in flight
    };
    Q_ENUM(Outcome)

    using QObject::QObject;
    ~ShareSheet() override = default;

    // True where share() saves into a folder the user picks first (desktop): the UI asks
    // for one (a FolderDialog) and passes it. False where the OS sheet picks the
    // destination; share() then ignores folder.
    [[nodiscard]] virtual bool needsFolder() const = 0;

    // fileName is a plain name shown to the user and kept by the destination
    // ("consent-1a2b3c4d.pdf"): empty, "." , "..", or a name with a '/' or a NUL fails.
    // An existing file is never replaced: a folder that has the name already gets
    // "name (2).pdf", "name (3).pdf", .... bytes may be shared (not copied) until
    // `finished`; the caller wipes its buffer then. folder is a local directory path.
    // Returns the request's number (1, 2, ... per sheet).
    virtual int share(const QString &fileName, const QByteArray &bytes, const QString &mimeType,
                      const QString &folder) = 0;

signals:
    // location: where the file went when the platform says (the saved file's path on
    // desktop), else empty. detail: what went wrong in plain English, for logs; never the
    // file's content; empty for Shared.
    void finished(int request, cc::platform::ShareSheet::Outcome outcome, const QString &location,
                  const QString &detail);
};

} // namespace cc::platform
