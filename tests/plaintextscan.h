#pragma once

// Finds plaintext on disk (DESIGN §4.1: nothing in plaintext on disk): which files under a
// directory hold any of the strings or byte runs a test put into the vault. Hidden files
// and subdirectories included; every file is read once, whatever the number of needles.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

#include <vector>

namespace cc::test {

struct Needle {
    QString name; // what the bytes are, for the report: "patient name", "JPEG header"
    QByteArray bytes;
};

// "path: name" for every file under directory that contains a needle's bytes.
inline QStringList plaintextHits(const QString &directory, const std::vector<Needle> &needles) {
    QStringList hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const Needle &needle : needles) {
            if (!needle.bytes.isEmpty() && content.contains(needle.bytes))
                hits.append(file.fileName() + QStringLiteral(": ") + needle.name);
        }
    }
    return hits;
}

// Every file under directory whose bytes contain needle.
inline QStringList filesContaining(const QString &directory, const QByteArray &needle) {
    QStringList files;
    for (const QString &hit : plaintextHits(directory, {{QStringLiteral("needle"), needle}}))
        files.append(hit.chopped(QStringLiteral(": needle").size()));
    return files;
}

} // namespace cc::test
