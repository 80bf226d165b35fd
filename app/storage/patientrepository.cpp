#include "storage/patientrepository.h"

#include "storage/rowutil.h"

#include <algorithm>

namespace cc::storage {

namespace {

constexpr const char *Columns = "id, display_name, mrn, birth_date, created_at";

domain::Patient fromRow(const Statement &row) {
    domain::Patient patient;
    patient.id = row.columnText(0);
    patient.displayName = row.columnText(1);
    patient.mrn = row.columnText(2);
    patient.birthDate = domain::parseIsoDate(row.columnText(3)).value_or(QDate());
    patient.createdAt = rows::time(row, 4);
    return patient;
}

} // namespace

void PatientRepository::insert(const domain::Patient &patient) {
    auto statement = m_db.prepare("INSERT INTO patients (id, display_name, mrn, birth_date, "
                                  "created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    statement.bind(1, patient.id).bind(2, patient.displayName).bind(3, patient.mrn);
    statement.bind(4, patient.birthDate.isValid() ? domain::isoDate(patient.birthDate) : QString());
    rows::bindTime(statement, 5, patient.createdAt);
    statement.run();
}

std::optional<domain::Patient> PatientRepository::find(const QString &id) {
    auto query =
        m_db.prepare((std::string("SELECT ") + Columns + " FROM patients WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

std::vector<domain::Patient> PatientRepository::list(const QString &search, int limit, int offset) {
    const QString needle = search.trimmed();
    std::vector<domain::Patient> patients;
    if (needle.isEmpty()) {
        auto query = m_db.prepare((std::string("SELECT ") + Columns +
                                   " FROM patients ORDER BY display_name COLLATE NOCASE, id "
                                   "LIMIT ?1 OFFSET ?2")
                                      .c_str());
        query.bind(1, limit).bind(2, offset);
        while (query.step())
            patients.push_back(fromRow(query));
        return patients;
    }
    // Matched here rather than in SQL: SQLite's lower() folds ASCII letters only, and
    // names such as "Ángela" must be found however they are typed.
    auto query = m_db.prepare((std::string("SELECT ") + Columns +
                               " FROM patients ORDER BY display_name COLLATE NOCASE, id")
                                  .c_str());
    int skip = std::max(offset, 0);
    while ((limit < 0 || int(patients.size()) < limit) && query.step()) {
        domain::Patient patient = fromRow(query);
        if (!patient.displayName.contains(needle, Qt::CaseInsensitive) &&
            !patient.mrn.contains(needle, Qt::CaseInsensitive))
            continue;
        if (skip > 0) {
            --skip;
            continue;
        }
        patients.push_back(std::move(patient));
    }
    return patients;
}

qint64 PatientRepository::count() {
    auto query = m_db.prepare("SELECT count(*) FROM patients");
    return query.step() ? query.columnInt64(0) : 0;
}

} // namespace cc::storage
