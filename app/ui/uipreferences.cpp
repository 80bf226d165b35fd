#include "ui/uipreferences.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace cc::ui {

namespace {

constexpr auto textScaleKey = "display/textScale";

bool isChoice(qreal scale) {
    const auto choices = UiPreferences::textScaleChoices();
    return std::any_of(choices.begin(), choices.end(),
                       [scale](qreal choice) { return std::abs(choice - scale) < 0.001; });
}

} // namespace

UiPreferences::UiPreferences(QObject *parent)
    : QObject(parent) {
    const qreal stored = QSettings().value(textScaleKey, 1.0).toReal();
    if (isChoice(stored))
        m_textScale = stored;
}

QList<qreal> UiPreferences::textScaleChoices() {
    return {1.0, 1.15, 1.3, 1.5};
}

void UiPreferences::setTextScale(qreal scale) {
    if (!isChoice(scale) || std::abs(scale - m_textScale) < 0.001)
        return;
    m_textScale = scale;
    QSettings().setValue(textScaleKey, scale);
    emit textScaleChanged();
}

} // namespace cc::ui
