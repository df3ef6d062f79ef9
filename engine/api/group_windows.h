#pragma once
// GroupWindows: the groups of linked records that group rules judge (docs/language.md,
// "Group rules"), gathered from records in input order and judged when their window closes.
//
// A record of a kind a group rule links joins the open group of that rule and of its link key
// when its date (Engine::DefaultAsOf: a transaction's, payment's or waybill's `created_at`)
// lies within the window that opened with the group's first member; otherwise it opens a new
// group (closing the old one). A group closes when the input's dates pass its window's end
// (the latest date seen so far is later than the end), or at the end of the input; then the
// rule judges it once, for its ruleset's jurisdiction, on the first member's date (or the
// run's as-of date); a group that its rule sees exactly as it saw an earlier one takes that
// one's outcome instead (GroupOutcomeMemo). The input is expected in time order: a record later in
// the file but earlier in time joins its group only while that group is still open.
//
// Memory: the groups open at any time, so the records of one window (at most a year, a
// group rule's longest `within`), never the whole input. A group holds its dates, and its key
// and members packed in one byte string: of each member what its rule reads
// (RecordProjection), its link (so its kind), its id and its source (the file's name once per
// run, then the line). Not thread-safe, but for Links: one run, one thread, records in input
// order. Record results are never revised: group findings are reported on their own
// (GroupResult).

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/group_outcome_memo.h"
#include "engine/api/pointer_table.h"
#include "engine/api/record_projection.h"
#include "engine/base/date.h"
#include "engine/base/string_hash.h"
#include "engine/eval/finding.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// A record of a group, as the report names it.
struct GroupMember {
  RecordKind kind = RecordKind::kTransaction;
  std::string id;      // empty when the record has none
  std::string source;  // `file:line`
};

// A group a group rule judged, with the rule's finding.
struct GroupResult {
  std::string key;  // the link key the members share, as canonical JSON
  std::string market;
  Date as_of;
  Date first, last;                  // the dates of the earliest and latest member
  std::vector<GroupMember> members;  // in input order
  Finding finding;                   // finding.rule is the group rule
};

// A record's link into the group of one group rule (GroupWindows::Links).
struct GroupLinkKey {
  std::size_t rule = 0;  // the group rule, by its index in Program::group_rules()
  Value value;           // the link key
  std::string key;       // its canonical JSON
  std::size_t hash = 0;  // of `rule` and `key`: where GroupWindows files the group
  std::string record;    // what the rule reads of the record, packed (RecordProjection::Pack)
};

class GroupWindows {
 public:
  // `engine` must outlive this. `as_of`, when set, is the date groups are judged at.
  GroupWindows(const Engine& engine, std::string language, std::optional<Date> as_of);

  // The links `record` (of `kind`, dated `date`) has: one per group rule that links its kind
  // and whose key the record gives (a key that is or holds a missing value gives none), each
  // with the record as that rule reads it. Thread-safe, also while Add runs: the links of
  // records may be worked out on several threads, then added in input order.
  std::vector<GroupLinkKey> Links(const Value& record, RecordKind kind, Date date) const;

  // Adds the next record of the input, `member`, dated `date`, with its links (empty: it only
  // moves time on); the groups keep a copy of `member`, packed. Appends to `closed` the groups
  // whose window this record's date closed and that the rule found against.
  void Add(std::shared_ptr<const GroupMember> member, Date date, std::vector<GroupLinkKey> links,
           std::vector<GroupResult>& closed);
  // Closes every open group (the end of the input), in the order their windows end.
  void CloseAll(std::vector<GroupResult>& closed);
  // Closes the `count` open groups whose windows end first (fewer when fewer are open), as
  // CloseAll would close them: a caller that reports each portion before the next holds only
  // that portion's results.
  void CloseFirst(std::size_t count, std::vector<GroupResult>& closed);

  // Groups open now: what the run holds in memory.
  std::size_t open_groups() const { return open_.size(); }
  // Groups judged so far, and those with a finding.
  std::int64_t judged() const { return judged_; }
  std::int64_t fired() const { return fired_; }

 private:
  // An open group.
  struct Open {
    // Its identity: its rule (by its index in Program::group_rules()) and its link key
    // (canonical JSON), with the hash of both that Links worked out (GroupLinkKey::hash), so
    // that the run's one thread neither hashes the key nor builds it.
    std::size_t hash = 0;
    std::size_t rule = 0;
    std::string key;
    Date first, last;  // the dates of the earliest and latest member
    // The key (packed whole), then each member in input order: the index of its link in the
    // rule's links, its id, its source (PackSource) and the record as the rule reads it.
    std::string packed;
  };
  // The open groups by the date their window ends, earliest first; of one date in the order
  // they opened. Each open group is owned by one list; it is closed and destroyed when its
  // date comes.
  using Deadlines = std::map<Date, std::deque<std::unique_ptr<Open>>>;

  void Close(Open& group, std::vector<GroupResult>& closed);
  // Appends `source` (`file:line`) to `out`: the file by its number in `source_files_`, then the
  // line; a source of another form as text. SkipSource moves `packed` past such a source and
  // returns its bytes; UnpackSource gives the source they hold.
  void PackSource(std::string_view source, std::string& out);
  static std::string_view SkipSource(std::string_view& packed);
  std::string UnpackSource(std::string_view packed) const;
  // Closes the groups whose window ends before `date` (all of them, without a date), at most
  // `count` of them, earliest first.
  void CloseBefore(std::optional<Date> date, std::vector<GroupResult>& closed,
                   std::size_t count = SIZE_MAX);

  const Engine& engine_;
  std::string language_;
  std::optional<Date> as_of_;
  // For each group rule, for each of its links: what the rule reads of that kind.
  std::vector<std::vector<RecordProjection>> projections_;
  // For each group rule, for each of its links: the number of its key among the keys the
  // links compute, of which there are key_count_; links whose key is the same field path
  // (`id`, `order_id`) share a number, so that Links computes the key once per record.
  std::vector<std::vector<std::size_t>> key_numbers_;
  std::size_t key_count_ = 0;
  // For each group rule: whether it reads the group's key (ReadsLink), so that its outcome
  // depends on it.
  std::vector<bool> reads_link_;
  // The outcomes of groups judged, by what their rule saw of them.
  GroupOutcomeMemo outcomes_;
  // The files the members' sources name, each once, and their numbers.
  std::vector<std::string> source_files_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> source_file_numbers_;
  Deadlines deadlines_;
  PointerTable<Open> open_;  // the groups of deadlines_ by Open::hash
  std::int64_t judged_ = 0;
  std::int64_t fired_ = 0;
};

}  // namespace tradelint
