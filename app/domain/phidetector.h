#pragma once

// Protected health information in a post's text (DESIGN §2.5): the HIPAA Safe Harbor
// identifier kinds that can appear in words — names, dates other than the year, phone and
// fax numbers, e-mail and web addresses with identifiers, record, account, licence and
// other numbers, street addresses and ZIP codes, ages over 89, social security numbers
// and IP addresses. A heuristic: it errs towards flagging, and the clinician decides.

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace cc::domain::phi {

enum class Kind {
    Name,         // the patient's name, or part of it
    Date,         // a day or month, with or without the year (a year alone is allowed)
    Phone,        // a telephone number
    Fax,          // a number labelled as a fax
    Email,        // an e-mail address
    Url,          // a web address carrying an identifier (digits, a query, the name)
    RecordNumber, // a medical record, account, licence, member or similar number
    Ssn,          // a social security number
    Address,      // a street address
    ZipCode,      // a ZIP code
    Age,          // an age over 89
    IpAddress,    // an IP address
};
[[nodiscard]] QString toString(Kind kind); // "name", "date", ..., "ip_address"

struct Finding {
    Kind kind = Kind::Name;
    qsizetype start = 0; // in UTF-16 code units of the text
    qsizetype length = 0;
    friend bool operator==(const Finding &, const Finding &) = default;
};

// What is known about whose post it is: their name, record number and birth date, so that
// these are found in any form.
struct Context {
    QString patientName;
    QString mrn;
    QDate birthDate;
};

// Every finding in text, ordered by start; overlapping matches of one kind are merged
// and a span is reported once (the more specific kind wins). Never throws.
[[nodiscard]] std::vector<Finding> findPhi(const QString &text, const Context &context = {});

} // namespace cc::domain::phi
