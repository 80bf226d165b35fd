#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>

namespace cc::ui {

// A read-only list model of rows whose roles are fixed at construction: each row is a
// map from role name to value, and a missing key reads as an invalid QVariant. The
// controllers fill it from the vault and empty it when the vault locks.
class RowsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowsModel)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    explicit RowsModel(const QStringList &roles, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Replaces every row (a model reset).
    void setRows(QList<QVariantMap> rows);
    void clear();
    [[nodiscard]] const QList<QVariantMap> &rows() const { return m_rows; }
    // The row at index as a map (an empty map when out of range), for QML.
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int index) const;

signals:
    void countChanged();

private:
    QStringList m_roles;
    QList<QVariantMap> m_rows;
};

} // namespace cc::ui
