#include "ui/shotlistmodel.h"

#include "crypto/bytes.h"

#include <QMutexLocker>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace cc::ui {

ShotStore::~ShotStore() {
    clear();
}

void ShotStore::wipe(QImage &image) {
    if (!image.isNull()) {
        // Through constBits(): bits() would detach and wipe a fresh copy instead.
        crypto::wipe(const_cast<uchar *>(std::as_const(image).constBits()),
                     static_cast<std::size_t>(image.sizeInBytes()));
    }
    image = QImage();
}

void ShotStore::insert(const QString &shotId, const QImage &image) {
    QImage copy = image.copy();
    const QMutexLocker locker(&m_mutex);
    auto it = m_images.find(shotId);
    if (it != m_images.end())
        wipe(*it);
    m_images.insert(shotId, std::move(copy));
}

QImage ShotStore::image(const QString &shotId) const {
    const QMutexLocker locker(&m_mutex);
    return m_images.value(shotId);
}

void ShotStore::remove(const QString &shotId) {
    const QMutexLocker locker(&m_mutex);
    auto it = m_images.find(shotId);
    if (it == m_images.end())
        return;
    wipe(*it);
    m_images.erase(it);
}

void ShotStore::clear() {
    const QMutexLocker locker(&m_mutex);
    for (QImage &image : m_images)
        wipe(image);
    m_images.clear();
}

qsizetype ShotStore::size() const {
    const QMutexLocker locker(&m_mutex);
    return m_images.size();
}

ShotListModel::ShotListModel(std::shared_ptr<ShotStore> store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(std::move(store)) {}

ShotListModel::~ShotListModel() {
    clear();
}

int ShotListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shots.size());
}

QVariant ShotListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Shot &shot = m_shots.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case ShotIdRole:
        return shot.id;
    case SourceRole:
        return sourceFor(shot.id);
    case KeptRole:
        return shot.kept;
    case WidthRole:
        return shot.size.width();
    case HeightRole:
        return shot.size.height();
    default:
        return {};
    }
}

QHash<int, QByteArray> ShotListModel::roleNames() const {
    return {
        {ShotIdRole, "shotId"}, {SourceRole, "source"}, {KeptRole, "kept"},
        {WidthRole, "width"},   {HeightRole, "height"},
    };
}

QString ShotListModel::append(const QImage &image, const QDateTime &capturedAt) {
    const QString id = QString::number(m_nextId++);
    m_store->insert(id, image);
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_shots.push_back(Shot{id, capturedAt, image.size(), false});
    endInsertRows();
    return id;
}

bool ShotListModel::setKept(const QString &shotId, bool kept) {
    const std::optional<std::size_t> at = indexOf(shotId);
    if (!at)
        return false;
    if (m_shots[*at].kept != kept) {
        m_shots[*at].kept = kept;
        const QModelIndex changed = index(static_cast<int>(*at));
        emit dataChanged(changed, changed, {KeptRole});
    }
    return true;
}

bool ShotListModel::remove(const QString &shotId) {
    const std::optional<std::size_t> at = indexOf(shotId);
    if (!at)
        return false;
    const int row = static_cast<int>(*at);
    beginRemoveRows({}, row, row);
    m_shots.erase(m_shots.begin() + row);
    m_store->remove(shotId);
    endRemoveRows();
    return true;
}

void ShotListModel::clear() {
    if (m_shots.empty()) {
        m_store->clear();
        return;
    }
    beginResetModel();
    m_shots.clear();
    m_store->clear();
    endResetModel();
}

int ShotListModel::keptCount() const {
    return static_cast<int>(
        std::count_if(m_shots.begin(), m_shots.end(), [](const Shot &s) { return s.kept; }));
}

QUrl ShotListModel::sourceFor(const QString &shotId) {
    return QUrl(QStringLiteral("image://%1/%2").arg(QLatin1String(ProviderId), shotId));
}

std::optional<std::size_t> ShotListModel::indexOf(const QString &shotId) const {
    const auto it = std::find_if(m_shots.begin(), m_shots.end(),
                                 [&shotId](const Shot &s) { return s.id == shotId; });
    if (it == m_shots.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_shots.begin());
}

ShotImageProvider::ShotImageProvider(std::shared_ptr<ShotStore> store)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_store(std::move(store)) {}

QImage ShotImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize) {
    const QImage image = m_store->image(id);
    if (size)
        *size = image.size();
    // A side of 0 (or less) in the request leaves that side free.
    QSize target = requestedSize;
    if (image.isNull() || (target.width() <= 0 && target.height() <= 0))
        return image;
    if (target.width() <= 0)
        target.setWidth(image.width());
    if (target.height() <= 0)
        target.setHeight(image.height());
    if (target.width() >= image.width() && target.height() >= image.height())
        return image;
    return image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace cc::ui
