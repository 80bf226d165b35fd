#pragma once

#include <QList>
#include <QObject>

namespace cc::ui {

// Preferences of the person using the phone that hold no secret and no patient data, kept
// outside any vault (the platform's settings store) so that they apply before unlocking:
// today the text size. Every screen's type scale follows textScale.
class UiPreferences final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UiPreferences)

    // 1.0 (the default) or one of textScaleChoices().
    Q_PROPERTY(qreal textScale READ textScale NOTIFY textScaleChanged)
    Q_PROPERTY(QList<qreal> textScaleChoices READ textScaleChoices CONSTANT)

public:
    explicit UiPreferences(QObject *parent = nullptr);

    [[nodiscard]] qreal textScale() const { return m_textScale; }
    [[nodiscard]] static QList<qreal> textScaleChoices();
    // One of textScaleChoices(); anything else is ignored. Stored at once.
    Q_INVOKABLE void setTextScale(qreal scale);

signals:
    void textScaleChanged();

private:
    qreal m_textScale = 1.0;
};

} // namespace cc::ui
