// The baseline of P5: the least a Qt Quick Controls app with the same style does before
// its first frame: a window with a title, a label, a field and a button.

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app,
                     [](QObject *object, const QUrl &) {
                         auto *window = qobject_cast<QQuickWindow *>(object);
                         if (!window)
                             std::exit(2);
                         QObject::connect(
                             window, &QQuickWindow::frameSwapped, window,
                             [] {
                                 std::printf("first frame\n");
                                 std::fflush(stdout);
                             },
                             Qt::SingleShotConnection);
                     });
    engine.loadData(R"qml(
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
ApplicationWindow {
    width: 412; height: 915; visible: true; title: "Minimal"
    header: ToolBar { Label { text: "Minimal"; anchors.centerIn: parent } }
    ColumnLayout {
        anchors.centerIn: parent
        Label { text: "Enter your passcode" }
        TextField { echoMode: TextInput.Password; Layout.preferredWidth: 240 }
        Button { text: "Unlock"; Layout.fillWidth: true }
    }
}
)qml");
    return app.exec();
}
