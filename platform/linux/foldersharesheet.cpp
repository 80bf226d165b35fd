#include "foldersharesheet.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>

namespace cc::platform {

namespace {

using Outcome = ShareSheet::Outcome;

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// How a failed call into the folder is reported.
Outcome classify(int error) {
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return Outcome::NoSpace;
    case EACCES:
    case EPERM:
    case EROFS:
    case ENOENT:
    case ENOTDIR:
        return Outcome::FolderUnavailable;
    default:
        return Outcome::Failed;
    }
}

bool isPlainName(const QString &name) {
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..") &&
           !name.contains(QLatin1Char('/')) && !name.contains(QChar(u'\0')) && name.size() <= 200;
}

// "name.pdf", then "name (2).pdf", "name (3).pdf", ...
QString numbered(const QString &fileName, int number) {
    if (number == 1)
        return fileName;
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString base = dot > 0 ? fileName.left(dot) : fileName;
    const QString extension = dot > 0 ? fileName.mid(dot) : QString();
    return QStringLiteral("%1 (%2)%3").arg(base).arg(number).arg(extension);
}

// A hard link is refused by file systems without them (FAT, exFAT, some network shares).
bool noHardLinks(int error) {
    return error == EPERM || error == EOPNOTSUPP || error == ENOSYS || error == EMLINK ||
           error == EXDEV;
}

} // namespace

FolderShareSheet::FolderShareSheet(storage::FileOps *files, QObject *parent)
    : ShareSheet(parent)
    , m_files(files != nullptr ? *files : m_posix) {}

int FolderShareSheet::share(const QString &fileName, const QByteArray &bytes,
                            const QString & /*mimeType*/, const QString &folder) {
    const int request = ++m_requests;
    if (m_inFlight) {
        finishLater(request, {Outcome::Busy, {}, QStringLiteral("another share is in flight")},
                    false);
        return request;
    }
    m_inFlight = true;
    finishLater(request, save(fileName, bytes, folder), true);
    return request;
}

void FolderShareSheet::finishLater(int request, const Result &result, bool ends) {
    QMetaObject::invokeMethod(
        this,
        [this, request, result, ends] {
            if (ends)
                m_inFlight = false;
            emit finished(request, result.outcome, result.location, result.detail);
        },
        Qt::QueuedConnection);
}

FolderShareSheet::Result FolderShareSheet::save(const QString &fileName, const QByteArray &bytes,
                                                const QString &folder) {
    if (!isPlainName(fileName))
        return {Outcome::Failed, {}, QStringLiteral("not a plain file name")};
    const QFileInfo where(folder);
    if (folder.isEmpty() || !where.isAbsolute() || !where.isDir())
        return {Outcome::FolderUnavailable, {}, QStringLiteral("the folder does not exist")};
    const QString dir = QDir::cleanPath(where.absoluteFilePath());

    const QString temporary =
        QStringLiteral("%1/.consentcam-share-%2.tmp")
            .arg(dir)
            .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const auto opened = m_files.openFile(temporary, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (!opened.ok())
        return {classify(opened.error),
                {},
                QStringLiteral("the folder can't be written to: %1").arg(errnoText(opened.error))};
    const int fd = int(opened.value);
    const auto failWith = [&](const char *step, int error, bool open) -> Result {
        if (open)
            (void)m_files.close(fd);
        (void)m_files.remove(temporary);
        return {classify(error),
                {},
                QStringLiteral("%1 failed: %2").arg(QLatin1StringView(step), errnoText(error))};
    };
    const auto data = crypto::ByteView(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                       std::size_t(bytes.size()));
    if (const auto written = storage::writeAll(m_files, fd, data); !written.ok())
        return failWith("writing the file", written.error, true);
    if (const auto synced = m_files.fdatasync(fd); !synced.ok())
        return failWith("syncing the file", synced.error, true); // never retried
    if (const auto closed = m_files.close(fd); !closed.ok())
        return failWith("closing the file", closed.error, false);

    // Give it its name without ever replacing a file: link(2) fails with EEXIST.
    QString target;
    for (int number = 1; number <= MaxNumber && target.isEmpty(); ++number) {
        const QString candidate = dir + QLatin1Char('/') + numbered(fileName, number);
        auto linked = m_files.link(temporary, candidate);
        if (!linked.ok() && noHardLinks(linked.error)) {
            const QByteArray from = QFile::encodeName(temporary);
            const QByteArray to = QFile::encodeName(candidate);
            linked = ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(),
                                 RENAME_NOREPLACE) == 0
                         ? storage::FileResult::success()
                         : storage::FileResult::failure(errno);
        }
        if (linked.ok())
            target = candidate;
        else if (linked.error != EEXIST)
            return failWith("naming the file", linked.error, false);
    }
    if (target.isEmpty())
        return failWith("finding a free name", EEXIST, false);
    // After link(2) the temporary name is still there; after a rename it is gone.
    if (m_files.exists(temporary)) {
        if (const auto removed = m_files.remove(temporary); !removed.ok()) {
            (void)m_files.remove(target);
            return {classify(removed.error),
                    {},
                    QStringLiteral("removing the temporary file failed: %1")
                        .arg(errnoText(removed.error))};
        }
    }
    if (const auto synced = m_files.syncDirectory(dir); !synced.ok()) {
        // The name may not survive a crash: take it back rather than report a saved file.
        (void)m_files.remove(target);
        return {classify(synced.error),
                {},
                QStringLiteral("syncing the folder failed: %1").arg(errnoText(synced.error))};
    }
    return {Outcome::Shared, target, {}};
}

} // namespace cc::platform
