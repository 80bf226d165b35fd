pragma Singleton
pragma ComponentBehavior: Bound

import QtQuick
import ConsentCam

// Design tokens. Screens take every colour and size from here, never literals.
QtObject {
    id: root

    // Colours (Material light, a calm clinical teal)
    readonly property color primary: "#00695c"
    readonly property color primaryText: "#ffffff"
    readonly property color accent: "#00897b"
    readonly property color background: "#f6f8f8"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1c2b2a"
    readonly property color textMuted: "#52605f"
    readonly property color error: "#b3261e"
    readonly property color errorSurface: "#fdecea"
    readonly property color success: "#1b5e20"
    readonly property color successSurface: "#e8f5e9"
    readonly property color divider: "#d5dddc"
    readonly property color patientBackground: "#fff8e1"
    readonly property color viewerBackground: "#101414"
    readonly property color regionFill: "#66ffeb3b"
    readonly property color regionBorder: "#ffd600"
    readonly property color redactionSolid: "#000000"
    readonly property color redactionBlur: "#b3607d8b"
    readonly property color redactionBorder: "#ffffff"
    readonly property color demoBanner: "#6a1b9a"
    readonly property color demoBannerText: "#ffffff"
    // Consent badges
    readonly property color badgeValid: "#1b5e20"
    readonly property color badgeExpiring: "#8a5300"
    readonly property color badgeExpired: "#52605f"
    readonly property color badgeRevoked: "#b3261e"
    readonly property color badgeNone: "#37474f"
    readonly property color badgeText: "#ffffff"

    // Spacing
    readonly property int spacingSmall: 8
    readonly property int spacing: 16
    readonly property int spacingLarge: 24
    readonly property int pageMargin: 24
    readonly property int radius: 8

    // Sizes
    readonly property int touchTarget: 48
    readonly property int contentMaxWidth: 560
    readonly property int iconSize: 24
    readonly property int busyIndicatorSize: 64
    readonly property int windowWidth: 412
    readonly property int windowHeight: 915
    readonly property int borderWidth: 1
    readonly property int signaturePadHeight: 220
    readonly property int signatureInk: 3
    readonly property int thumbnailSize: 168
    readonly property int previewThumbnail: 160
    readonly property int badgeHeight: 24
    readonly property int viewerMaxEdge: 2048
    readonly property int regionBorderWidth: 2

    // Type scale (pixel sizes), times the text size chosen in Settings
    readonly property real textScale: UiPreferences.textScale
    readonly property int fontSmall: Math.round(13 * root.textScale)
    readonly property int fontBody: Math.round(16 * root.textScale)
    readonly property int fontTitle: Math.round(22 * root.textScale)
    readonly property int fontHeadline: Math.round(28 * root.textScale)
    // Controls without a font of their own (buttons, fields) inherit this from the window.
    readonly property int fontControl: Math.round(14 * root.textScale)

    // Capture
    readonly property color previewBackground: "#101414"
    readonly property color previewText: "#ffffff"
    readonly property int previewHeight: 360
    readonly property int noCameraHeight: 200
    readonly property int shutterHeight: 72
    readonly property int shotThumbHeight: 140
}
