// The tradelint rule language. docs/language.md explains every construct with examples.
//
// Statement words (`title`, `market`, `message`, ...) are soft keywords: they may also be
// field names in paths (`title`, `tariff_codes[*].market`), through the `name` rule.
// Expression words (`and`, `or`, `not`, `in`, `if`, `any`, `all`, ...) are reserved.
grammar Rules;

// Parser rules. ParseRuleset builds the AST with engine/parse/internal/direct_parser.cc, a
// recursive-descent parser of these rules (with ANTLR's precedence for `expr`), and leaves what it
// declines to the parser ANTLR generates from them: change both together;
// tests/unit/parse/direct_parser_test.cc compares their ASTs.

file          : rulesetHeader topItem* EOF ;
expressionOnly: expr EOF ;   // entry point for `{expr}` interpolations inside messages

rulesetHeader : RULESET dottedName LBRACE headerItem* RBRACE ;
headerItem
  : TITLE STRING                                   #headerTitle
  | JURISDICTION marketCode                        #headerJurisdiction
  | INSTRUMENT STRING                              #headerInstrument
  | EFFECTIVE DATE (UNTIL DATE)?                   #headerEffective
  | VERSION STRING                                 #headerVersion
  | SCOPE dottedName                               #headerScope
  ;

topItem
  : IMPORT dottedName                                            #importDecl
  | DEF name (LPAREN (name (COMMA name)*)? RPAREN)? ASSIGN expr  #defDecl
  | CONST UPPER_ID ASSIGN expr                                   #constDecl
  | SET UPPER_ID ASSIGN expr                                     #setDecl
  | TABLE UPPER_ID ASSIGN STRING                                 #tableDecl
  | GROUP? RULE name STRING? LBRACE ruleItem* RBRACE             #ruleDecl
  | TEST STRING LBRACE testItem* RBRACE                          #testDecl
  ;

ruleItem
  : REF STRING                        #ruleRef
  | TITLE name? STRING                #ruleTitle
  | APPLIES TO name                   #ruleAppliesTo
  | DOMAIN name                       #ruleDomain
  | SEVERITY name                     #ruleSeverity
  | CITE STRING                       #ruleCite
  | RESPONSIBLE name                  #ruleResponsible
  | EFFECTIVE DATE (UNTIL DATE)?      #ruleEffective
  | UNTIL DATE                        #ruleUntil
  | WHEN expr                         #ruleWhen
  | UNLESS expr                       #ruleUnless
  | REQUIRE expr                      #ruleRequire
  | FORBID expr                       #ruleForbid
  | MESSAGE name? STRING              #ruleMessage
  | FIX name? STRING                  #ruleFix
  | OVERRIDE dottedName               #ruleOverride
  | LINK name BY expr                 #ruleLink      // group rules only
  | WITHIN NUMBER durationUnit        #ruleWithin    // group rules only
  ;

testItem
  : RECORD (STRING | TRIPLE_STRING)               #testRecord
  | MARKET marketCode                             #testMarket
  | AS OF DATE                                    #testAsOf
  | EXPECT VERDICT name                           #testExpectVerdict
  | EXPECT (FAIL | WARN | FINDING) dottedName IDENT? #testExpectFinding
  | EXPECT (PASS | NO FINDING) dottedName         #testExpectNoFinding
  ;

// Precedence: earlier alternatives bind tighter.
expr
  : primary                                          #primaryExpr
  | expr DOT name                                    #memberExpr
  | expr LBRACK (STAR | expr) RBRACK                 #indexExpr
  | MINUS expr                                       #negateExpr
  | expr op=(STAR | SLASH) expr                      #multiplyExpr
  | expr op=(PLUS | MINUS) expr                      #addExpr
  | expr op=(EQ | NE | LT | LE | GT | GE) expr       #compareExpr
  | expr NOT? IN expr                                #inExpr
  | NOT expr                                         #notExpr
  | expr AND expr                                    #andExpr
  | expr OR expr                                     #orExpr
  | IF expr THEN expr ELSE expr                      #ifExpr
  | quantifier=(ANY | ALL) name IN expr COLON expr   #quantifierExpr
  ;

primary
  : NUMBER durationUnit?                                  #numberLiteral
  | UPPER_ID NUMBER                                       #moneyLiteral
  | STRING                                                #stringLiteral
  | RAW_STRING                                            #rawStringLiteral
  | DATE                                                  #dateLiteral
  | (TRUE | FALSE)                                        #boolLiteral
  | name LPAREN (expr (COMMA expr)*)? RPAREN              #callExpr
  | name                                                  #nameExpr
  | marketCode                                            #upperExpr
  | LPAREN expr RPAREN                                    #parenExpr
  | STRING_LIST                                           #stringListLiteral
  | LBRACK (expr (COMMA expr)*)? COMMA? RBRACK            #listExpr
  ;

durationUnit : DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS ;
marketCode   : UPPER_ID | SUBDIVISION ;
dottedName   : name (DOT name)* ;
name
  : IDENT | RULESET | TITLE | JURISDICTION | INSTRUMENT | EFFECTIVE | UNTIL | VERSION
  | IMPORT | DEF | CONST | SET | TABLE | RULE | TEST | REF | APPLIES | TO | DOMAIN | SEVERITY | CITE
  | RESPONSIBLE | WHEN | UNLESS | REQUIRE | FORBID | MESSAGE | FIX | OVERRIDE | RECORD
  | MARKET | AS | OF | EXPECT | VERDICT | FAIL | WARN | PASS | FINDING | NO | SCOPE
  | GROUP | LINK | BY | WITHIN
  | DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS
  ;

// Lexer rules. The parser reads the tokens of engine/parse/internal/rules_scanner.cc, a scanner
// written by hand to give exactly what these rules give (longest match; on a tie, the rule
// listed first): change both together; tests/unit/parse/rules_scanner_test.cc compares them.

// Soft keywords (usable as names).
RULESET: 'ruleset'; TITLE: 'title'; JURISDICTION: 'jurisdiction'; INSTRUMENT: 'instrument';
EFFECTIVE: 'effective'; UNTIL: 'until'; VERSION: 'version'; IMPORT: 'import'; DEF: 'def';
CONST: 'const'; SET: 'set'; TABLE: 'table'; RULE: 'rule'; TEST: 'test'; REF: 'ref'; APPLIES: 'applies';
TO: 'to'; DOMAIN: 'domain'; SEVERITY: 'severity'; CITE: 'cite'; RESPONSIBLE: 'responsible';
WHEN: 'when'; UNLESS: 'unless'; REQUIRE: 'require'; FORBID: 'forbid'; MESSAGE: 'message';
FIX: 'fix'; OVERRIDE: 'override'; RECORD: 'record'; MARKET: 'market'; AS: 'as'; OF: 'of';
EXPECT: 'expect'; VERDICT: 'verdict'; FAIL: 'fail'; WARN: 'warn'; PASS: 'pass';
FINDING: 'finding'; NO: 'no'; SCOPE: 'scope'; GROUP: 'group'; LINK: 'link'; BY: 'by';
WITHIN: 'within';

// Reserved words (the duration units may still name functions and fields: `year(d)`).
AND: 'and'; OR: 'or'; NOT: 'not'; IN: 'in'; IF: 'if'; THEN: 'then'; ELSE: 'else';
ANY: 'any'; ALL: 'all'; TRUE: 'true'; FALSE: 'false';
DAY: 'day'; DAYS: 'days'; WEEK: 'week'; WEEKS: 'weeks'; MONTH: 'month'; MONTHS: 'months';
YEAR: 'year'; YEARS: 'years';

LBRACE: '{'; RBRACE: '}'; LPAREN: '('; RPAREN: ')'; LBRACK: '['; RBRACK: ']';
COMMA: ','; DOT: '.'; COLON: ':'; ASSIGN: '=';
EQ: '=='; NE: '!='; LE: '<='; GE: '>='; LT: '<'; GT: '>';
PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/';

DATE        : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
NUMBER      : [0-9]+ ('.' [0-9]+)? ;
SUBDIVISION : [A-Z][A-Z] '-' [A-Z0-9]+ ;
UPPER_ID    : [A-Z][A-Z0-9_]* ;
IDENT       : [a-zA-Z_][a-zA-Z0-9_]* ;
TRIPLE_STRING : '"""' .*? '"""' ;
RAW_STRING  : 'r"' ~["\r\n]* '"' ;
STRING      : STRING_BODY ;
// A list of two or more string literals, `["a", "b", ...]`, is one token: a `set` of a million
// strings would otherwise cost ANTLR two million tokens and a parse tree node for each. A list
// with anything else in it (or broken) does not match and is lexed as `[`, items and `]`; so
// does `["a"]`, which may also be an index (`TABLE["key"]`).
STRING_LIST : '[' LIST_SPACE* STRING_BODY (LIST_SPACE* ',' LIST_SPACE* STRING_BODY)+ LIST_SPACE*
              (',' LIST_SPACE*)? ']' ;
fragment STRING_BODY : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
fragment LIST_SPACE  : [ \t\r\n] | '#' ~[\r\n]* ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* ;

COMMENT     : '#' ~[\r\n]* -> channel(HIDDEN) ;   // kept for engine/parse/syntax_tree.h
WS          : [ \t\r\n]+ -> skip ;
// Invariant: no lexer rule tells code points above U+007F apart (they only appear where any
// character is taken); engine/parse reads them all as U+007F for speed (see Utf8CharStream).
// Anything else becomes one error token, so the lexer never stops early.
ERROR_CHAR  : . ;
