#pragma once
// RFC 4180 CSV records (quoted fields with doubled quotes and line breaks inside quotes), as
// OFAC publishes its legacy SDN files and as `screen --pairs` reads its input. CR LF or LF
// line ends; a blank line is no record.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

// The records of CSV text one at a time, their fields as views: of the text itself, or, for a
// quoted field with a doubled quote or with text after its closing quote, of its own
// buffer. A record's fields stay valid until the next call of Next. What ReadCsvRecords reads,
// without a string per field.
//
//   CsvRows rows(text);
//   while (rows.Next()) Use(rows.line(), rows.fields());
class CsvRows {
 public:
  explicit CsvRows(std::string_view text) : text_(text) {}

  // Reads the next record; false after the last.
  bool Next();
  int line() const { return line_; }  // 1-based line of the record's start
  std::span<const std::string_view> fields() const { return fields_; }

 private:
  // Reads one field from at_ on, up to the comma or line end after it (or the end of the
  // text), into fields_ or, when it cannot be a view of the text, into unescaped_.
  void ReadField();
  // Where the field from at_ on ends, if it is not quoted: the next comma or line end.
  std::size_t FieldEnd();

  std::string_view text_;
  std::size_t at_ = 0;
  // The first CR or LF at or after at_ (or the text's size) while at_ <= line_end_; found
  // again when at_ passes it.
  std::size_t line_end_ = std::string_view::npos;
  int line_ = 0, next_line_ = 1;
  std::vector<std::string_view> fields_;
  // The text of the record's unescaped fields, back to back. It may move while the record is
  // read, so those fields become views of it only at the record's end.
  std::string unescaped_;
  struct Unescaped {
    std::size_t field, offset;
  };
  std::vector<Unescaped> unescaped_fields_;
};

struct CsvRecord {
  int line = 0;  // 1-based line of the record's start
  std::vector<std::string> fields;
};

// The fields of every record.
std::vector<CsvRecord> ReadCsvRecords(std::string_view text);

// `field` quoted for CSV output when it needs quotes (a comma, quote or line break).
std::string CsvField(std::string_view field);

}  // namespace tradelint
