#pragma once

#include "sharesheet.h"

#include <QMetaObject>
#include <QStringList>

#include <utility>
#include <vector>

namespace cc::platform {

// A share sheet for tests: records every share() with a copy of its bytes and finishes
// with the outcome it was told (Shared by default), queued as a real one would. With
// setManual(true) a share stays in flight until complete() is called.
class FakeShareSheet final : public ShareSheet {
    Q_OBJECT
public:
    struct Call {
        QString fileName;
        QByteArray bytes; // a deep copy, so a caller wiping its buffer doesn't change it
        QString mimeType;
        QString folder;
    };

    using ShareSheet::ShareSheet;

    [[nodiscard]] bool needsFolder() const override { return m_needsFolder; }
    void setNeedsFolder(bool needs) { m_needsFolder = needs; }
    void setOutcome(Outcome outcome, QString detail = {}) {
        m_outcome = outcome;
        m_detail = std::move(detail);
    }
    void setManual(bool manual) { m_manual = manual; }

    int share(const QString &fileName, const QByteArray &bytes, const QString &mimeType,
              const QString &folder) override {
        const int request = ++m_requests;
        if (m_inFlight) {
            finishLater(request, Outcome::Busy, {}, QStringLiteral("another share is in flight"));
            return request;
        }
        m_calls.push_back(
            {fileName, QByteArray(bytes.constData(), bytes.size()), mimeType, folder});
        m_inFlight = request;
        if (!m_manual)
            complete();
        return request;
    }
    // Finishes the share in flight with the configured outcome.
    void complete() {
        const QString location =
            m_outcome == Outcome::Shared && m_needsFolder
                ? m_calls.back().folder + QLatin1Char('/') + m_calls.back().fileName
                : QString();
        finishLater(m_inFlight, m_outcome, location,
                    m_outcome == Outcome::Shared ? QString() : m_detail);
    }

    [[nodiscard]] const std::vector<Call> &calls() const { return m_calls; }
    [[nodiscard]] bool inFlight() const { return m_inFlight != 0; }

private:
    void finishLater(int request, Outcome outcome, const QString &location, const QString &detail) {
        const bool ends = outcome != Outcome::Busy;
        QMetaObject::invokeMethod(
            this,
            [this, request, outcome, location, detail, ends] {
                if (ends)
                    m_inFlight = 0;
                emit finished(request, outcome, location, detail);
            },
            Qt::QueuedConnection);
    }

    bool m_needsFolder = false;
    bool m_manual = false;
    int m_requests = 0;
    int m_inFlight = 0; // the request in flight, 0 for none
    Outcome m_outcome = Outcome::Shared;
    QString m_detail;
    std::vector<Call> m_calls;
};

} // namespace cc::platform
