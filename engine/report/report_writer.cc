#include "engine/report/report_writer.h"

namespace tradelint {

void Summary::Count(const RecordResult& result) {
  ++results;
  switch (result.verdict) {
    case Verdict::kPass:
      ++pass;
      break;
    case Verdict::kNotCovered:
      ++not_covered;
      break;
    case Verdict::kWarn:
      ++warn;
      break;
    case Verdict::kFail:
      ++fail;
      break;
    case Verdict::kInvalid:
      ++invalid;
      break;
  }
}

}  // namespace tradelint
