#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>

#include <memory>
#include <optional>
#include <vector>

namespace cc::ui {

// The pixels of the shots awaiting review, by shot id, in memory only. Shared between
// the list model (GUI thread) and the image provider, which the engine may call from its
// image loading thread. Every image leaving the store is wiped: its pixel buffer is
// overwritten before it is released.
class ShotStore final {
public:
    ShotStore() = default;
    ~ShotStore();
    ShotStore(const ShotStore &) = delete;
    ShotStore &operator=(const ShotStore &) = delete;

    // Keeps a private deep copy of image.
    void insert(const QString &shotId, const QImage &image);
    // A null image when the id names no shot (discarded, saved or wiped at lock).
    [[nodiscard]] QImage image(const QString &shotId) const;
    void remove(const QString &shotId);
    void clear();
    [[nodiscard]] qsizetype size() const;

    // Overwrites the pixels of image (and of every QImage sharing its buffer) and nulls it.
    static void wipe(QImage &image);

private:
    mutable QMutex m_mutex;
    QHash<QString, QImage> m_images;
};

// The shots taken in this capture session, in the order taken, awaiting review: each is
// kept (to be saved) or discarded. Rows hold no pixels; the `source` role is an
// image:// URL the ShotImageProvider serves from the store.
class ShotListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShotListModel)

public:
    enum Role {
        ShotIdRole = Qt::UserRole + 1,
        SourceRole,
        KeptRole,
        WidthRole,
        HeightRole,
    };
    Q_ENUM(Role)

    struct Shot {
        QString id;
        QDateTime capturedAt;
        QSize size;
        bool kept = false;
    };

    // The provider id main() registers the ShotImageProvider under.
    static constexpr auto ProviderId = "shots";

    explicit ShotListModel(std::shared_ptr<ShotStore> store, QObject *parent = nullptr);
    ~ShotListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Appends a shot (not kept yet) holding a copy of image; returns its id.
    QString append(const QImage &image, const QDateTime &capturedAt);
    // false when the id names no shot.
    bool setKept(const QString &shotId, bool kept);
    // Removes the shot and wipes its pixels; false when the id names no shot.
    bool remove(const QString &shotId);
    // Removes every shot and wipes their pixels.
    void clear();

    [[nodiscard]] const std::vector<Shot> &shots() const { return m_shots; }
    [[nodiscard]] int keptCount() const;
    [[nodiscard]] QImage image(const QString &shotId) const { return m_store->image(shotId); }
    [[nodiscard]] static QUrl sourceFor(const QString &shotId);

private:
    [[nodiscard]] std::optional<std::size_t> indexOf(const QString &shotId) const;

    std::shared_ptr<ShotStore> m_store;
    std::vector<Shot> m_shots;
    quint64 m_nextId = 1; // never reused, so a stale URL never shows a newer shot
};

// Serves `image://shots/<shotId>` from the store, scaled down to the requested size.
// Images are not cached by the engine when the QML Image sets `cache: false`, which the
// capture screen does, so a discarded shot leaves no copy behind in the pixmap cache.
class ShotImageProvider final : public QQuickImageProvider {
public:
    explicit ShotImageProvider(std::shared_ptr<ShotStore> store);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    std::shared_ptr<ShotStore> m_store;
};

} // namespace cc::ui
