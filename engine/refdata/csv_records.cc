#include "engine/refdata/csv_records.h"

#include <algorithm>

namespace tradelint {

std::size_t CsvRows::FieldEnd() {
  // The line end is found once for all the line's fields (by memchr, as commas are): a byte
  // at a time, the scan for three characters was most of the cost of reading a file.
  if (line_end_ < at_ || line_end_ == std::string_view::npos) {
    line_end_ = std::min(text_.find('\n', at_), text_.size());
    line_end_ = std::min(line_end_, text_.substr(0, line_end_).find('\r', at_));
  }
  return std::min(text_.substr(0, line_end_).find(',', at_), line_end_);
}

void CsvRows::ReadField() {
  if (at_ >= text_.size() || text_[at_] != '"') {  // up to the comma or line end
    const std::size_t end = FieldEnd();
    fields_.push_back(text_.substr(at_, end - at_));
    at_ = end;
    return;
  }
  // Quoted: up to the closing quote, a doubled quote being one; line breaks are part of it.
  const std::size_t start = at_ + 1;
  std::size_t piece = start;  // the start of the text not yet copied to unescaped_
  bool copied = false;
  std::size_t close = text_.size();
  for (std::size_t quote = text_.find('"', start); quote != std::string_view::npos;
       quote = text_.find('"', quote + 2)) {
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
      if (!copied) unescaped_fields_.push_back({fields_.size(), unescaped_.size()});
      copied = true;
      unescaped_.append(text_, piece, quote + 1 - piece);
      piece = quote + 2;
      continue;
    }
    close = quote;
    break;
  }
  for (std::size_t at = text_.substr(0, close).find('\n', start); at != std::string_view::npos;
       at = text_.substr(0, close).find('\n', at + 1)) {
    ++next_line_;  // a line break inside the quotes
  }
  at_ = std::min(close + 1, text_.size());
  // Text after the closing quote, up to the comma or line end, belongs to the field (a quote
  // in it is a character).
  const std::size_t end = FieldEnd();
  if (!copied && end == at_) {
    fields_.push_back(text_.substr(start, close - start));
    return;
  }
  if (!copied) unescaped_fields_.push_back({fields_.size(), unescaped_.size()});
  unescaped_.append(text_, piece, close - piece);
  unescaped_.append(text_, at_, end - at_);
  fields_.emplace_back();  // a view of unescaped_ once the record is read
  at_ = end;
}

bool CsvRows::Next() {
  while (at_ < text_.size()) {
    line_ = next_line_;
    fields_.clear();
    unescaped_.clear();
    unescaped_fields_.clear();
    for (;;) {
      ReadField();
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        continue;
      }
      if (at_ < text_.size()) {  // a line end: CR LF, LF or CR
        if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
        ++at_;
        ++next_line_;
      }
      break;
    }
    // The unescaped fields lie back to back in unescaped_, in order.
    for (std::size_t i = 0; i < unescaped_fields_.size(); ++i) {
      const std::size_t end =
          i + 1 < unescaped_fields_.size() ? unescaped_fields_[i + 1].offset : unescaped_.size();
      fields_[unescaped_fields_[i].field] =
          std::string_view(unescaped_)
              .substr(unescaped_fields_[i].offset, end - unescaped_fields_[i].offset);
    }
    if (fields_.size() == 1 && fields_[0].empty()) continue;  // a blank line
    return true;
  }
  return false;
}

std::vector<CsvRecord> ReadCsvRecords(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRows rows(text);
  while (rows.Next()) {
    records.push_back(
        {rows.line(), std::vector<std::string>(rows.fields().begin(), rows.fields().end())});
  }
  return records;
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace tradelint
