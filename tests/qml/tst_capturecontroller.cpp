// CaptureController against a real vault (cheap scrypt) and the injected frame source:
// shots taken from generated images, reviewed, saved and checked in the library; files
// imported unchanged; every shot wiped at discard, stop and lock; and nothing of the
// patient on disk in plaintext afterwards.

#include "crypto/bytes.h"
#include "crypto/hash.h"
#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/libraryservice.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/corehost.h"
#include "ui/deferredframesource.h"
#include "ui/injectedframesource.h"
#include "ui/shotlistmodel.h"

#include "qml/eventloop.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <QTranslator>
#include <QVideoSink>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using cc::ui::CaptureController;
using cc::ui::DeferredFrameSource;
using cc::ui::FrameSource;
using cc::ui::InjectedFrameSource;
using cc::ui::ShotListModel;
using Error = CaptureController::Error;
using Facing = FrameSource::Facing;
using namespace std::chrono_literals;

using cc::test::spin;
using cc::test::waitFor;

namespace {

// Set up by main(): the temporary directory every test's files go to (TMPDIR points
// there, so a file any code writes "temporarily" lands in it and is scanned), and a
// directory outside it for the files a test imports, which are plaintext on purpose.
QString g_tempDir;
QString g_outsideDir;

const QString patientName = QStringLiteral("Zelda Quintanilla-Ocampo");

// A picture with detail everywhere (so its JPEG is not trivially small) that differs by
// seed.
QImage makeImage(QSize size, int seed) {
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = qRgb((x * 7 + seed * 40) % 256, (y * 5 + seed * 90) % 256,
                           ((x ^ y) + seed * 13) % 256);
    }
    return image;
}

QByteArray encode(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    REQUIRE(QImageWriter(&buffer, format).write(image));
    return bytes;
}

QByteArray toByteArray(const cc::crypto::SecretBytes &bytes) {
    return {reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size())};
}

QString sha256Hex(const cc::crypto::SecretBytes &bytes) {
    return QString::fromStdString(cc::crypto::toHex(cc::crypto::sha256(cc::crypto::view(bytes))));
}

bool allZero(const QImage &image) {
    const uchar *bits = image.constBits();
    return std::all_of(bits, bits + image.sizeInBytes(), [](uchar b) { return b == 0; });
}

QString writeFile(const QString &name, const QByteArray &bytes) {
    const QString path = QDir(g_outsideDir).filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
    file.close();
    return path;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// A created, unlocked vault with a patient, the core host following the app controller,
// the injected frame source (back and front cameras) and the controller under test.
struct Fixture {
    Fixture() {
        REQUIRE(dir.isValid());
        REQUIRE(dir.path().startsWith(g_tempDir));
        options.newVaultKdf.n = std::uint64_t{1} << 14;
        vault = std::make_unique<cc::services::Vault>(dir.path(), files);
        app = std::make_unique<cc::ui::AppController>(*vault, keyStore, secureWindow, options);
        host = std::make_unique<cc::ui::CoreHost>(*app, *vault, codec, templates);
        capture = std::make_unique<CaptureController>(*host, source);
        app->createVault(QStringLiteral("482915"));
        REQUIRE(waitFor([this] { return !app->busy(); }));
        REQUIRE(app->state() == cc::ui::AppController::State::Unlocked);
        REQUIRE(host->isOpen());
        patientId = host->core()->library().addPatient(patientName).id;
        provider = std::make_unique<cc::ui::ShotImageProvider>(capture->shotStore());
    }

    ~Fixture() {
        capture.reset();
        host.reset();
        app.reset();
    }

    Fixture(const Fixture &) = delete;
    Fixture &operator=(const Fixture &) = delete;

    cc::services::LibraryService &library() { return host->core()->library(); }
    ShotListModel &model() { return *static_cast<ShotListModel *>(capture->shots()); }

    // Pushes image as the camera's current frame and takes a shot of it.
    QString shoot(const QImage &image) {
        source.pushFrame(InjectedFrameSource::frameFromImage(image));
        const int before = capture->shotCount();
        capture->shoot();
        REQUIRE(capture->busy());
        REQUIRE(waitFor([&] { return !capture->busy(); }));
        REQUIRE(capture->errorMessage().isEmpty());
        REQUIRE(capture->shotCount() == before + 1);
        return model().shots().back().id;
    }

    // What the image provider serves for a shot (a QImage sharing the shot's pixels).
    QImage served(const QString &shotId) {
        QSize size;
        return provider->requestImage(shotId, &size, QSize());
    }

    QTemporaryDir dir;
    cc::storage::PosixFileOps files;
    cc::platform::FakeKeyStore keyStore;
    cc::platform::FakeSecureWindow secureWindow;
    cc::ui::AppController::Options options;
    cc::imaging::QImageCodec codec;
    cc::domain::TemplateCatalog templates = cc::services::loadBuiltInTemplates();
    std::unique_ptr<cc::services::Vault> vault;
    std::unique_ptr<cc::ui::AppController> app;
    std::unique_ptr<cc::ui::CoreHost> host;
    InjectedFrameSource source{{Facing::Back, Facing::Front}};
    std::unique_ptr<CaptureController> capture;
    std::unique_ptr<cc::ui::ShotImageProvider> provider;
    QString patientId;
};

// Plaintext that must not be on disk, and what a scan found.
struct Needle {
    QString what;
    QByteArray bytes;
};

QList<Needle> plaintextNeedles(const QList<QByteArray> &photos) {
    QList<Needle> needles{
        {QStringLiteral("PNG signature"), QByteArray("\x89PNG\r\n\x1a\n", 8)},
        // A JPEG's start-of-image followed by a JFIF or Exif header segment.
        {QStringLiteral("JFIF header"), QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF", 10)},
        {QStringLiteral("patient name"), patientName.toUtf8()},
    };
    // Pieces of every photo's own bytes, from its body (past any shared header).
    for (qsizetype i = 0; i < photos.size(); ++i) {
        const QByteArray &photo = photos.at(i);
        REQUIRE(photo.size() > 1024);
        for (const qsizetype at : {qsizetype{700}, photo.size() / 2, photo.size() - 64})
            needles.append({QStringLiteral("photo %1 at %2").arg(i).arg(at), photo.mid(at, 32)});
    }
    return needles;
}

// Every file under the directories, each checked for every needle and for a JPEG's
// start-of-image (FF D8 FF) at its first byte. A 3-byte marker is not searched for
// anywhere in a file: encrypted data holds it by chance about once per 16 MiB.
QStringList scanForPlaintext(const QStringList &directories, const QList<Needle> &needles,
                             int *filesScanned) {
    QStringList found;
    *filesScanned = 0;
    for (const QString &directory : directories) {
        QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++*filesScanned;
            const QByteArray content = file.readAll();
            if (content.startsWith(QByteArray("\xff\xd8\xff", 3)))
                found.append(path + QStringLiteral(": starts like a JPEG"));
            for (const Needle &needle : needles) {
                if (content.contains(needle.bytes))
                    found.append(path + QStringLiteral(": ") + needle.what);
            }
        }
    }
    return found;
}

} // namespace

TEST_CASE("Three shots, one discarded: saving stores the two kept as the patient's photos") {
    Fixture f;
    auto &c = *f.capture;
    QAbstractItemModelTester tester(c.shots(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    c.start();
    REQUIRE(c.active());
    const QImage first = makeImage({640, 480}, 1);
    const QImage second = makeImage({320, 240}, 2);
    const QImage third = makeImage({480, 640}, 3);
    const QDateTime before = f.host->now().addSecs(-1);
    const QString a = f.shoot(first);
    const QString b = f.shoot(second);
    const QString d = f.shoot(third);
    const QDateTime after = f.host->now().addSecs(1);

    // The review list: in the order taken, none kept yet, served from memory.
    auto &m = f.model();
    REQUIRE(m.rowCount() == 3);
    const QHash<int, QByteArray> roles = m.roleNames();
    CHECK(roles.value(ShotListModel::ShotIdRole) == "shotId");
    CHECK(roles.value(ShotListModel::SourceRole) == "source");
    CHECK(roles.value(ShotListModel::KeptRole) == "kept");
    CHECK(roles.value(ShotListModel::WidthRole) == "width");
    CHECK(roles.value(ShotListModel::HeightRole) == "height");
    const QModelIndex row1 = m.index(1);
    CHECK(m.data(row1, ShotListModel::ShotIdRole).toString() == b);
    CHECK(m.data(row1, ShotListModel::SourceRole).toUrl() ==
          QUrl(QStringLiteral("image://shots/") + b));
    CHECK_FALSE(m.data(row1, ShotListModel::KeptRole).toBool());
    CHECK(m.data(row1, ShotListModel::WidthRole).toInt() == 320);
    CHECK(m.data(row1, ShotListModel::HeightRole).toInt() == 240);
    CHECK(c.keptCount() == 0);

    const QImage servedFirst = f.served(a);
    REQUIRE(servedFirst.size() == first.size());
    for (const QPoint p : {QPoint(0, 0), QPoint(17, 301), QPoint(639, 479)})
        CHECK(qRgb(qRed(servedFirst.pixel(p)), qGreen(servedFirst.pixel(p)),
                   qBlue(servedFirst.pixel(p))) == first.pixel(p));
    // A request for a smaller image gets one no larger than asked.
    QSize fullSize;
    const QImage small = f.provider->requestImage(a, &fullSize, QSize(0, 120));
    CHECK(fullSize == first.size());
    CHECK(small.height() == 120);

    // Keep the first and third; the second goes, and its pixels with it.
    c.keep(a);
    c.keep(d);
    CHECK(c.keptCount() == 2);
    CHECK(m.data(m.index(0), ShotListModel::KeptRole).toBool());
    const QImage heldSecond = f.served(b);
    REQUIRE_FALSE(allZero(heldSecond));
    c.discard(b);
    CHECK(c.shotCount() == 2);
    CHECK(allZero(heldSecond));
    CHECK(f.served(b).isNull());

    const QImage heldFirst = f.served(a);
    QStringList emitted;
    QObject::connect(&c, &CaptureController::photosSaved,
                     [&emitted](const QStringList &ids) { emitted = ids; });
    const QStringList saved = c.saveKept(f.patientId);
    CHECK(c.errorMessage().isEmpty());
    REQUIRE(saved.size() == 2);
    CHECK(emitted == saved);
    CHECK(c.shotCount() == 0);
    CHECK(c.keptCount() == 0);
    CHECK(allZero(heldFirst));
    CHECK(f.served(a).isNull());

    const std::vector<cc::domain::Photo> photos = f.library().photos(f.patientId);
    REQUIRE(photos.size() == 2);
    QList<QSize> sizes;
    for (const cc::domain::Photo &photo : photos) {
        CHECK(saved.contains(photo.id));
        CHECK(photo.format == QStringLiteral("jpeg"));
        CHECK(photo.capturedAt >= before);
        CHECK(photo.capturedAt <= after);
        const cc::crypto::SecretBytes bytes = f.library().photoBytes(photo.id);
        CHECK(sha256Hex(bytes) == photo.sha256);
        const QImage decoded = QImage::fromData(toByteArray(bytes), "JPEG");
        REQUIRE_FALSE(decoded.isNull());
        sizes.append(decoded.size());
    }
    std::sort(sizes.begin(), sizes.end(), [](QSize l, QSize r) { return l.width() < r.width(); });
    CHECK(sizes == QList<QSize>{third.size(), first.size()});
}

TEST_CASE("Shots are refused or fail with a classified message") {
    Fixture f;
    auto &c = *f.capture;

    // The camera is off.
    c.shoot();
    CHECK_FALSE(c.busy());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::NotReady));

    // On, but no frame has arrived.
    c.start();
    CHECK(c.errorMessage().isEmpty());
    c.shoot();
    REQUIRE(waitFor([&] { return !c.busy(); }));
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::NotReady));
    CHECK(c.shotCount() == 0);

    // The camera can't take the still.
    f.source.pushFrame(InjectedFrameSource::frameFromImage(makeImage({64, 48}, 4)));
    f.source.failNextCapture(FrameSource::Error::CaptureFailed);
    c.shoot();
    REQUIRE(waitFor([&] { return !c.busy(); }));
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::CaptureFailed));
    CHECK(c.shotCount() == 0);

    // Nothing kept: nothing saved.
    f.shoot(makeImage({64, 48}, 5));
    CHECK(c.saveKept(f.patientId).isEmpty());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::NothingKept));
    CHECK(f.library().photos(f.patientId).empty());

    // A patient who is not in the vault: the shot stays for another try.
    c.keep(f.model().shots().front().id);
    CHECK(c.saveKept(QStringLiteral("pat_nobody")).isEmpty());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::PatientMissing));
    CHECK(c.keptCount() == 1);
    CHECK(c.saveKept(f.patientId).size() == 1);
    CHECK(c.errorMessage().isEmpty());

    // The camera breaks while running.
    f.source.failCamera(FrameSource::Error::CameraLost);
    CHECK_FALSE(c.active());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::CameraLost));
    // Starting again clears the message.
    c.start();
    CHECK(c.active());
    CHECK(c.errorMessage().isEmpty());
    // The camera in use goes away.
    f.source.setCameras({Facing::Front});
    CHECK_FALSE(c.active());
    CHECK_FALSE(c.canSwitchCamera());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::CameraLost));
}

TEST_CASE("Cameras: none found, front and back, the torch and the preview") {
    SECTION("No camera: nothing starts, and the shutter says why") {
        Fixture f;
        f.source.setCameras({});
        auto &c = *f.capture;
        CHECK_FALSE(c.cameraAvailable());
        CHECK_FALSE(c.canSwitchCamera());
        CHECK_FALSE(c.torchSupported());
        c.start();
        CHECK_FALSE(c.active());
        c.shoot();
        CHECK(c.errorMessage() == CaptureController::messageFor(Error::NoCamera));
    }

    SECTION("Back first, switch to front; the torch only where there is one") {
        Fixture f;
        auto &c = *f.capture;
        int camerasChanged = 0;
        int torchChanged = 0;
        QObject::connect(&c, &CaptureController::camerasChanged, [&] { ++camerasChanged; });
        QObject::connect(&c, &CaptureController::torchChanged, [&] { ++torchChanged; });
        CHECK(c.cameraAvailable());
        CHECK(c.canSwitchCamera());
        CHECK(f.source.facing() == Facing::Back);
        c.start();
        CHECK(c.torchSupported());
        c.setTorch(true);
        CHECK(c.torchOn());
        CHECK(torchChanged == 1);

        c.switchCamera();
        CHECK(camerasChanged == 1);
        CHECK(f.source.facing() == Facing::Front);
        CHECK(c.active());
        CHECK_FALSE(c.torchSupported());
        CHECK_FALSE(c.torchOn());
        c.setTorch(true);
        CHECK_FALSE(c.torchOn());

        c.switchCamera();
        CHECK(f.source.facing() == Facing::Back);
        c.setTorch(true);
        CHECK(c.torchOn());
        c.stop();
        CHECK_FALSE(c.active());
        CHECK_FALSE(c.torchOn());
    }

    SECTION("The preview shows the frames; stopping clears it and wipes the frame") {
        Fixture f;
        auto &c = *f.capture;
        QVideoSink sink;
        c.setPreviewSink(&sink);
        c.start();
        const QVideoFrame frame = InjectedFrameSource::frameFromImage(makeImage({160, 120}, 6));
        f.source.pushFrame(frame);
        CHECK(sink.videoFrame().isValid());
        CHECK(sink.videoFrame().size() == QSize(160, 120));
        c.stop();
        CHECK_FALSE(sink.videoFrame().isValid());
        // The frame shares the source's buffer: it was overwritten.
        QVideoFrame held = frame;
        REQUIRE(held.map(QVideoFrame::ReadOnly));
        const uchar *bits = held.bits(0);
        CHECK(std::all_of(bits, bits + held.mappedBytes(0), [](uchar b) { return b == 0; }));
        held.unmap();
        // A stopped camera sends nothing.
        f.source.pushFrame(InjectedFrameSource::frameFromImage(makeImage({160, 120}, 7)));
        CHECK_FALSE(sink.videoFrame().isValid());
        c.setPreviewSink(nullptr);
    }
}

TEST_CASE("The deferred source makes the camera only when it is needed, then passes through") {
    int made = 0;
    InjectedFrameSource *inner = nullptr;
    DeferredFrameSource deferred([&]() -> std::unique_ptr<FrameSource> {
        ++made;
        auto source = std::make_unique<InjectedFrameSource>(QList<Facing>{Facing::Back});
        inner = source.get();
        return source;
    });
    int availability = 0;
    int active = 0;
    QObject::connect(&deferred, &FrameSource::availabilityChanged, [&] { ++availability; });
    QObject::connect(&deferred, &FrameSource::activeChanged, [&] { ++active; });

    SECTION("Before: no camera, and what needs none makes none") {
        CHECK(deferred.cameras().isEmpty());
        CHECK_FALSE(deferred.cameraAvailable());
        CHECK(deferred.facing() == Facing::Unspecified);
        CHECK_FALSE(deferred.isActive());
        CHECK_FALSE(deferred.torchSupported());
        CHECK_FALSE(deferred.torchOn());
        deferred.stop();
        deferred.setPreviewSink(nullptr);
        CHECK(made == 0);
        CHECK_FALSE(deferred.isMaterialized());
    }

    SECTION("materialize() makes it once and announces its cameras") {
        FrameSource &real = deferred.materialize();
        CHECK(&real == inner);
        CHECK(deferred.materialize().cameras() == QList<Facing>{Facing::Back});
        CHECK(made == 1);
        CHECK(availability == 1);
        CHECK(deferred.cameras() == QList<Facing>{Facing::Back});
        CHECK(deferred.facing() == Facing::Back);
    }

    SECTION("start() makes it first; frames, stills and signals come through") {
        QVideoSink sink;
        deferred.setPreviewSink(&sink);
        CHECK(made == 1);
        deferred.start();
        CHECK(deferred.isActive());
        CHECK(active == 1);
        REQUIRE(inner != nullptr);
        inner->pushFrame(InjectedFrameSource::frameFromImage(makeImage({64, 48}, 9)));
        CHECK(sink.videoFrame().size() == QSize(64, 48));
        QImage still;
        int answered = 0;
        QObject::connect(&deferred, &FrameSource::captured, [&](int, const QImage &image) {
            ++answered;
            still = image;
        });
        const int request = deferred.capture();
        CHECK(request > 0);
        REQUIRE(waitFor([&] { return answered == 1; }));
        CHECK(still.size() == QSize(64, 48));
        deferred.stop();
        CHECK_FALSE(deferred.isActive());
        CHECK(active == 2);
        deferred.setPreviewSink(nullptr);
        CHECK(made == 1);
    }

    SECTION("A source without cameras is made without announcing any") {
        DeferredFrameSource none([&]() -> std::unique_ptr<FrameSource> {
            ++made;
            return std::make_unique<InjectedFrameSource>();
        });
        int changed = 0;
        QObject::connect(&none, &FrameSource::availabilityChanged, [&] { ++changed; });
        none.start();
        CHECK(made == 1);
        CHECK(changed == 0);
        CHECK_FALSE(none.isActive());
        CHECK(none.capture() == 0);
    }
}

TEST_CASE("Stopping the camera and locking the vault wipe the shots awaiting review") {
    Fixture f;
    auto &c = *f.capture;
    QAbstractItemModelTester tester(c.shots(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    SECTION("stop()") {
        c.start();
        const QString id = f.shoot(makeImage({200, 100}, 8));
        c.keep(id);
        const QImage held = f.served(id);
        REQUIRE_FALSE(allZero(held));
        c.stop();
        CHECK(c.shotCount() == 0);
        CHECK(f.model().rowCount() == 0);
        CHECK(allZero(held));
    }

    SECTION("lock, with one shot kept, one not, and one still on its way") {
        c.start();
        const QString kept = f.shoot(makeImage({200, 100}, 9));
        const QString waiting = f.shoot(makeImage({100, 200}, 10));
        c.keep(kept);
        const QImage heldKept = f.served(kept);
        const QImage heldWaiting = f.served(waiting);
        f.source.pushFrame(InjectedFrameSource::frameFromImage(makeImage({50, 50}, 11)));
        c.shoot();
        REQUIRE(c.busy());

        f.app->lock();
        CHECK_FALSE(f.host->isOpen());
        CHECK(f.model().rowCount() == 0);
        CHECK(c.shotCount() == 0);
        CHECK(c.keptCount() == 0);
        CHECK_FALSE(c.busy());
        CHECK_FALSE(c.active());
        CHECK(allZero(heldKept));
        CHECK(allZero(heldWaiting));
        // The still asked for before the lock arrives to nobody.
        spin(50ms);
        CHECK(c.shotCount() == 0);

        // Nothing can be taken or stored while locked.
        c.shoot();
        CHECK(c.errorMessage() == CaptureController::messageFor(Error::VaultLocked));
        CHECK(c.saveKept(f.patientId).isEmpty());
        CHECK(c.importFile(f.patientId, QUrl::fromLocalFile(QStringLiteral("/nonexistent")))
                  .isEmpty());
        CHECK(c.errorMessage() == CaptureController::messageFor(Error::VaultLocked));
    }
}

TEST_CASE("A PNG or JPEG file is imported with its bytes unchanged and left where it is") {
    Fixture f;
    auto &c = *f.capture;
    const QByteArray png = encode(makeImage({300, 200}, 12), "png");
    const QByteArray jpeg = encode(makeImage({200, 300}, 13), "jpeg");
    const QString pngPath = writeFile(QStringLiteral("lesion.png"), png);
    const QString jpegPath = writeFile(QStringLiteral("lesion.jpg"), jpeg);
    const QDateTime pngModified = QFileInfo(pngPath).lastModified();

    QString emitted;
    QObject::connect(&c, &CaptureController::fileImported,
                     [&emitted](const QString &id) { emitted = id; });
    const QString pngId = c.importFile(f.patientId, QUrl::fromLocalFile(pngPath));
    CHECK(c.errorMessage().isEmpty());
    REQUIRE_FALSE(pngId.isEmpty());
    CHECK(emitted == pngId);
    const QString jpegId = c.importFile(f.patientId, QUrl::fromLocalFile(jpegPath));
    REQUIRE_FALSE(jpegId.isEmpty());

    const std::optional<cc::domain::Photo> pngPhoto = f.library().photo(pngId);
    REQUIRE(pngPhoto);
    CHECK(pngPhoto->patientId == f.patientId);
    CHECK(pngPhoto->format == QStringLiteral("png"));
    CHECK(pngPhoto->capturedAt == pngModified.toUTC());
    CHECK(toByteArray(f.library().photoBytes(pngId)) == png);
    CHECK(toByteArray(f.library().photoBytes(jpegId)) == jpeg);
    CHECK(f.library().photo(jpegId)->format == QStringLiteral("jpeg"));

    // The originals are where they were, as they were.
    CHECK(readFile(pngPath) == png);
    CHECK(readFile(jpegPath) == jpeg);
    CHECK(QFileInfo(pngPath).lastModified() == pngModified);
    CHECK(f.library().photos(f.patientId).size() == 2);
}

TEST_CASE("Files that are not photos, too large, unreadable or not local are refused") {
    Fixture f;
    auto &c = *f.capture;
    const QString text = writeFile(QStringLiteral("notes.txt"), "the patient's notes, not a photo");
    // PNG's signature, then nothing a decoder accepts.
    const QString damaged =
        writeFile(QStringLiteral("damaged.png"), QByteArray("\x89PNG\r\n\x1a\n", 8) + "garbage");
    const QString empty = writeFile(QStringLiteral("empty.jpg"), {});
    // One byte over the cap, a PNG by its first bytes (a sparse file: no disk used).
    const QString large =
        writeFile(QStringLiteral("large.png"), encode(makeImage({8, 8}, 14), "png"));
    {
        QFile file(large);
        REQUIRE(file.resize(cc::services::LibraryService::MaxPhotoBytes + 1));
    }

    const auto refused = [&](const QUrl &url, Error error) {
        CHECK(c.importFile(f.patientId, url).isEmpty());
        CHECK(c.errorMessage() == CaptureController::messageFor(error));
        c.clearError();
    };
    refused(QUrl::fromLocalFile(text), Error::FileNotAnImage);
    refused(QUrl::fromLocalFile(damaged), Error::FileNotAnImage);
    refused(QUrl::fromLocalFile(empty), Error::FileNotAnImage);
    refused(QUrl::fromLocalFile(large), Error::FileTooLarge);
    refused(QUrl::fromLocalFile(QDir(g_outsideDir).filePath(QStringLiteral("missing.png"))),
            Error::FileUnreadable);
    refused(QUrl::fromLocalFile(g_outsideDir), Error::FileUnreadable);
    refused(QUrl(QStringLiteral("https://example.org/photo.png")), Error::FileNotLocal);
    // A photo for a patient who is not in the vault.
    const QString good =
        writeFile(QStringLiteral("good.png"), encode(makeImage({8, 8}, 15), "png"));
    CHECK(c.importFile(QStringLiteral("pat_nobody"), QUrl::fromLocalFile(good)).isEmpty());
    CHECK(c.errorMessage() == CaptureController::messageFor(Error::PatientMissing));
    CHECK(f.library().photos(f.patientId).empty());
}

TEST_CASE("Nothing of the patient is on disk in plaintext after capture, import and lock") {
    Fixture f;
    auto &c = *f.capture;
    c.start();
    const QImage shots[] = {makeImage({640, 480}, 21), makeImage({480, 640}, 22),
                            makeImage({320, 320}, 23)};
    QStringList ids;
    for (const QImage &image : shots)
        ids.append(f.shoot(image));
    c.keep(ids.at(0));
    c.keep(ids.at(2));
    c.discard(ids.at(1));
    const QStringList saved = c.saveKept(f.patientId);
    REQUIRE(saved.size() == 2);

    const QByteArray png = encode(makeImage({300, 200}, 24), "png");
    const QString pngPath = writeFile(QStringLiteral("scan.png"), png);
    REQUIRE_FALSE(c.importFile(f.patientId, QUrl::fromLocalFile(pngPath)).isEmpty());
    const QString text = writeFile(QStringLiteral("scan.txt"), "not a photo");
    CHECK(c.importFile(f.patientId, QUrl::fromLocalFile(text)).isEmpty());
    // One more shot waits unsaved when the vault locks.
    f.shoot(makeImage({256, 256}, 25));

    // What would show a leak: the stored photos' bytes, the imported file, the raw
    // pixels of every shot (saved, discarded or wiped at lock), the name.
    QList<QByteArray> photos{png};
    for (const QString &id : saved)
        photos.append(toByteArray(f.library().photoBytes(id)));
    QList<Needle> needles = plaintextNeedles(photos);
    for (const QImage &image : shots)
        needles.append({QStringLiteral("raw pixels"),
                        QByteArray(reinterpret_cast<const char *>(image.constScanLine(100)), 256)});
    f.app->lock();
    REQUIRE_FALSE(f.host->isOpen());

    int scanned = 0;
    const QStringList found = scanForPlaintext({f.dir.path(), g_tempDir}, needles, &scanned);
    CHECK(found.isEmpty());
    for (const QString &hit : found)
        UNSCOPED_INFO(hit.toStdString());
    // The scan saw the vault: its database and the encrypted photos.
    CHECK(QFile::exists(QDir(f.dir.path()).filePath(QStringLiteral("vault.db"))));
    const int media = static_cast<int>(
        QDir(QDir(f.dir.path()).filePath(QStringLiteral("media"))).entryList(QDir::Files).size());
    CHECK(media >= 3); // three photos' originals (thumbnails are kept in their rows)
    CHECK(scanned >= media + 2);

    // The scan finds plaintext where there is some: the imported original, outside.
    int outside = 0;
    const QStringList inOriginals = scanForPlaintext({g_outsideDir}, needles, &outside);
    CHECK(inOriginals.contains(pngPath + QStringLiteral(": PNG signature")));
    CHECK(inOriginals.contains(pngPath + QStringLiteral(": photo 0 at 700")));
    QTemporaryDir decoy(QDir(g_outsideDir).filePath(QStringLiteral("decoy-XXXXXX")));
    REQUIRE(decoy.isValid());
    QFile leak(decoy.filePath(QStringLiteral("leak.bin")));
    REQUIRE(leak.open(QIODevice::WriteOnly));
    leak.write(QByteArray(100, '\0') + photos.at(1) + patientName.toUtf8());
    leak.close();
    const QStringList inDecoy = scanForPlaintext({decoy.path()}, needles, &outside);
    CHECK(inDecoy.contains(leak.fileName() + QStringLiteral(": JFIF header")));
    CHECK(inDecoy.contains(leak.fileName() + QStringLiteral(": patient name")));
    CHECK(inDecoy.contains(leak.fileName() + QStringLiteral(": photo 1 at 700")));
}

TEST_CASE("Error messages are translated") {
    QTranslator spanish;
    REQUIRE(spanish.load(QStringLiteral(":/i18n/consentcam_es.qm")));
    const QString english = CaptureController::messageFor(Error::FileNotAnImage);
    QCoreApplication::installTranslator(&spanish);
    const QString translated = CaptureController::messageFor(Error::FileNotAnImage);
    QCoreApplication::removeTranslator(&spanish);
    CHECK_FALSE(translated.isEmpty());
    CHECK(translated != english);
    CHECK(CaptureController::messageFor(Error::FileTooLarge).contains(QStringLiteral("64")));
}

// The controllers need a QGuiApplication. Every file the tests write goes to a private
// temporary directory (TMPDIR), so that the plaintext scan covers all of it and nothing
// else on the machine; the files a test imports live beside it, outside the scan.
int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const QTemporaryDir base;
    if (!base.isValid())
        return 2;
    const QDir root(base.path());
    if (!root.mkdir(QStringLiteral("tmp")) || !root.mkdir(QStringLiteral("outside")))
        return 2;
    g_tempDir = root.filePath(QStringLiteral("tmp"));
    g_outsideDir = root.filePath(QStringLiteral("outside"));
    qputenv("TMPDIR", QFile::encodeName(g_tempDir));
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
