#pragma once
// The rules lexer, with a DFA of the calling thread's own.
//
// ANTLR 4.9's generated lexer shares one DFA (the cache of its ATN's transitions) between all
// lexers of the process and takes a lock to read it, once per character: a fifth of the time
// lexing a ruleset took. ConfinedRulesLexer simulates the same ATN, so its tokens are exactly
// RulesLexer's, into a DFA that only the thread constructing it uses, kept for the thread's
// life so that it stays warm from file to file, and reads it without the lock: no other
// thread ever writes it. A ConfinedRulesLexer must be used on the thread that made it.

#include "RulesLexer.h"
#include "antlr4-runtime.h"

namespace tradelint::parse_internal {

class ConfinedRulesLexer : public tradelint_grammar::RulesLexer {
 public:
  explicit ConfinedRulesLexer(antlr4::CharStream* input);
};

}  // namespace tradelint::parse_internal
