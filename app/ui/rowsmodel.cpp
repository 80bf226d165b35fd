#include "ui/rowsmodel.h"

namespace cc::ui {

RowsModel::RowsModel(const QStringList &roles, QObject *parent)
    : QAbstractListModel(parent)
    , m_roles(roles) {}

int RowsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = role - (Qt::UserRole + 1);
    if (column < 0 || column >= m_roles.size())
        return {};
    return m_rows.at(index.row()).value(m_roles.at(column));
}

QHash<int, QByteArray> RowsModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i).toUtf8());
    return names;
}

void RowsModel::setRows(QList<QVariantMap> rows) {
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

void RowsModel::clear() {
    setRows({});
}

QVariantMap RowsModel::get(int index) const {
    return index >= 0 && index < m_rows.size() ? m_rows.at(index) : QVariantMap{};
}

} // namespace cc::ui
