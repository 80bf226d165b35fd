pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import ConsentCam

// A consent badge: valid, expiring soon, expired, revoked or none (ConsentBadges codes).
Rectangle {
    id: root

    required property string badge
    required property string text

    // As wide as its text; given less width (a photo's cell), the text wraps.
    implicitWidth: label.implicitWidth + 2 * Theme.spacingSmall
    implicitHeight: Math.max(Theme.badgeHeight, label.height + Theme.spacingSmall / 2)
    radius: Theme.badgeHeight / 2
    color: {
        switch (root.badge) {
        case "valid":
            return Theme.badgeValid
        case "expiring_soon":
        case "not_started":
            return Theme.badgeExpiring
        case "expired":
            return Theme.badgeExpired
        case "revoked":
        case "invalid":
            return Theme.badgeRevoked
        }
        return Theme.badgeNone
    }
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Label {
        id: label

        anchors.centerIn: parent
        text: root.text
        color: Theme.badgeText
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        width: Math.min(implicitWidth, root.width - 2 * Theme.spacingSmall)
    }
}
