/* The scenario API's tables (include/tabletop/api.h): what model.c accepts
 * and what `tabletop api --luals` prints. One row per field; add a field
 * here and in its reader together. */
#include <string.h>

#include "tabletop/api.h"

#define F(name, type, req, since, doc) { name, type, req, since, doc }
#define END { NULL, NULL, false, NULL, NULL }

static const tt_api_field TEXT[] = {
    F("ja", "string", true, "1.0", "Japanese"),
    F("en", "string", true, "1.0", "English"),
    END,
};

static const tt_api_field SCENARIO[] = {
    F("id", "string", true, "1.0", "[a-z0-9-]+, unique among the scenarios listed"),
    F("source", "string", true, "1.0", "which case of the source material (\"case 3\")"),
    F("title", "tabletop.Text", true, "1.0", "title in both languages"),
    F("summary", "tabletop.Text", true, "1.0", "what the team faces"),
    F("length", "tabletop.Time", true, "1.0", "the exercise ends here at the latest"),
    F("speed", "number", false, "1.0", "live clock speed the author recommends (1 to 1000000)"),
    F("invented", "tabletop.Text", true, "1.0", "which numbers are invented, in words"),
    F("roles", "table<string, tabletop.Role>", true, "1.0", "participants, by id"),
    F("actors", "table<string, tabletop.Actor>", false, "1.0", "the outside world the engine plays"),
    F("state", "table<string, boolean|number|string>", false, "1.0",
      "state keys and their initial values (0 declares an integer, 0.0 a number)"),
    F("settings", "table<string, tabletop.Setting>", false, "1.0",
      "exercise options that change the outcome; each is also a state key"),
    F("metrics", "table<string, tabletop.Metric>", false, "1.0",
      "state keys shown as gauges, counters and damage"),
    F("injects", "tabletop.Inject[]", false, "1.0", "what arrives at the table, in order"),
    F("every", "tabletop.Every[]", false, "1.0", "periodic dynamics: the incident evolves"),
    F("actions", "table<string, tabletop.Action>", true, "1.0", "what the roles may do"),
    F("objectives", "table<string, tabletop.Objective>", true, "1.0", "what is scored"),
    F("lessons", "table<string, tabletop.Lesson>", false, "1.0", "the source's lessons"),
    F("history", "tabletop.HistoryItem[]", false, "1.0", "what the real operator did"),
    F("references", "tabletop.Reference[]", false, "1.1",
      "sources shown on the scorecard (title, publisher, URL, date)"),
    F("starts_at", "string", false, "1.1",
      "time of day when the incident starts, \"HH:MM\" (for ctx.clock)"),
    END,
};

static const tt_api_field ROLE[] = {
    F("name", "tabletop.Text", true, "1.0", "shown in menus and on the card"),
    F("short", "tabletop.Text", false, "1.1",
      "short form for narrow places (the dashboard), used when the full one does not fit"),
    F("description", "tabletop.Text", false, "1.0", "what the role is responsible for"),
    F("capacity", "integer", false, "1.1",
      "actions the role can run at once (default: no limit); the menu shows it busy"),
    END,
};

static const tt_api_field ACTOR[] = {
    F("kind", "tabletop.ActorKind", true, "1.0", "one of the actor kinds (closed set)"),
    F("name", "tabletop.Text", true, "1.0", "shown as the sender of its messages"),
    F("short", "tabletop.Text", false, "1.1",
      "short form for narrow places (the dashboard), used when the full one does not fit"),
    F("delay", "tabletop.Time|tabletop.Time[]", false, "1.0",
      "reply delay: one time or a range { min, max } (default 0s)"),
    END,
};

static const tt_api_field SETTING[] = {
    F("value", "boolean|number|string", true, "1.0", "the default"),
    F("label", "tabletop.Text", true, "1.0", "what the option means"),
    END,
};

static const tt_api_field METRIC[] = {
    F("label", "tabletop.Text", true, "1.0", "gauge or counter label"),
    F("short", "tabletop.Text", false, "1.1",
      "short form for narrow places (the dashboard), used when the full one does not fit"),
    F("unit", "tabletop.Text", false, "1.0", "unit shown after the value"),
    F("max", "number", false, "1.0", "gauge scale (0: a counter)"),
    F("damage", "boolean", false, "1.0", "reported as damage on the card"),
    END,
};

static const tt_api_field LESSON[] = {
    F("text", "tabletop.Text", true, "1.0", "the lesson, in the source's words"),
    F("capability", "tabletop.Text", false, "1.1",
      "the core capability it strengthens (HSEEP), shown in the improvement plan"),
    END,
};

static const tt_api_field INJECT[] = {
    F("id", "string", true, "1.0", "unique inject id"),
    F("at", "tabletop.Time", false, "1.0", "timed inject: when it fires (or give `when`)"),
    F("when", "fun(s: tabletop.State, ctx: tabletop.Ctx): boolean", false, "1.0",
      "conditional inject: fires the first time it holds"),
    F("from", "string", false, "1.0", "actor or role id of the sender"),
    F("to", "string|string[]", false, "1.0", "role id (1.1: or a list of role ids; omitted: everyone)"),
    F("text", "tabletop.Text", true, "1.0", "what arrives"),
    F("questions", "tabletop.Text[]", false, "1.0", "discussion questions for the facilitator"),
    F("does", "fun(s: tabletop.State, ctx: tabletop.Ctx)", false, "1.0", "effect when it fires"),
    END,
};

static const tt_api_field EVERY[] = {
    F("id", "string", false, "1.0", "name (default every[N])"),
    F("period", "tabletop.Time", true, "1.0", "runs every period"),
    F("start", "tabletop.Time", false, "1.0", "first run at start + period (default 0s)"),
    F("run", "fun(s: tabletop.State, ctx: tabletop.Ctx)", true, "1.0", "the dynamics"),
    END,
};

static const tt_api_field OBJECTIVE[] = {
    F("phase", "\"isolate\"|\"report\"|\"recover\"", true, "1.0", "which phase it scores"),
    F("title", "tabletop.Text", true, "1.0", "shown on the card"),
    F("target", "tabletop.Time", true, "1.0", "good time, from the incident's start"),
    F("limit", "tabletop.Time", true, "1.0", "missed after this time"),
    F("notice", "string", false, "1.0", "inject id: the team's first notice"),
    F("party", "string", false, "1.0", "report objectives: who is told"),
    F("rationale", "tabletop.Text", false, "1.0", "why these times (cite or mark invented)"),
    F("capability", "tabletop.Text", false, "1.1",
      "the core capability it exercises (HSEEP), shown in the improvement plan"),
    F("when", "fun(s: tabletop.State, ctx: tabletop.Ctx): boolean", false, "1.0",
      "reached when it first holds"),
    END,
};

static const tt_api_field ACTION[] = {
    F("by", "string|string[]", true, "1.0", "role or roles that may take it"),
    F("label", "tabletop.Text", true, "1.0", "menu label"),
    F("description", "tabletop.Text", false, "1.0", "longer explanation"),
    F("takes", "tabletop.Time|fun(s: tabletop.State, ctx: tabletop.Ctx): tabletop.Time", false,
      "1.0", "its effect applies this long after it starts (1.1: or a function of the state, "
      "evaluated when it starts)"),
    F("requires", "fun(s: tabletop.State, ctx: tabletop.Ctx): boolean, (tabletop.Text|string)?",
      false, "1.0", "precondition: ok, and why not"),
    F("does", "fun(s: tabletop.State, ctx: tabletop.Ctx)", false, "1.0",
      "effect, when it completes"),
    F("completes", "string", false, "1.0", "objective reached when it completes"),
    F("lesson", "string", false, "1.0", "lesson it covers"),
    F("harmful", "tabletop.Text|fun(s: tabletop.State, ctx: tabletop.Ctx): (tabletop.Text|string)?",
      false, "1.0", "marks a harmful action, with why (1.1: or a function returning why, or nil)"),
    F("wasted", "tabletop.Text|fun(s: tabletop.State, ctx: tabletop.Ctx): (tabletop.Text|string)?",
      false, "1.0", "marks a wasted action, with why (1.1: or a function returning why, or nil)"),
    F("on_cancel", "fun(s: tabletop.State, ctx: tabletop.Ctx)", false, "1.1",
      "runs when the action is cancelled while in progress"),
    F("repeatable", "boolean", false, "1.0", "may be taken more than once (default false)"),
    END,
};

static const tt_api_field HISTORY[] = {
    F("at", "tabletop.Time", false, "1.0", "when (omitted: the source gives no time)"),
    F("action", "string", false, "1.0", "the matching action id"),
    F("invented", "boolean", false, "1.0", "the time is invented"),
    F("text", "tabletop.Text", true, "1.0", "what happened"),
    END,
};

static const tt_api_field REFERENCE[] = {
    F("title", "tabletop.Text|string", true, "1.1", "title (a string: the same in both languages)"),
    F("publisher", "string", false, "1.1", "who published it"),
    F("url", "string", false, "1.1", "http:// or https:// address"),
    F("date", "string", false, "1.1", "YYYY, YYYY-MM or YYYY-MM-DD"),
    END,
};

/* ctx.message's table (checked by ctx.c). */
static const tt_api_field MESSAGE[] = {
    F("from", "string", true, "1.0", "actor or role id"),
    F("to", "string|string[]", false, "1.0", "role id (1.1: or a list of role ids; omitted: everyone)"),
    F("text", "tabletop.Text", true, "1.0", "what is said"),
    F("after", "tabletop.Time", false, "1.0",
      "delay (omitted: an actor's own reply delay; 0 for a role)"),
    END,
};

/* ctx.refuse's and ctx.ask's table (checked by ctx.c). */
static const tt_api_field ACTOR_WORDS[] = {
    F("from", "string", true, "1.1", "actor id"),
    F("text", "tabletop.Text", true, "1.1", "the refusal's reason, or the question"),
    END,
};

static const tt_api_class CLASSES[] = {
    { "Scenario", "the table given to scenario { ... }", SCENARIO },
    { "Text", "a user-visible text in both languages", TEXT },
    { "Role", "a participant role", ROLE },
    { "Actor", "an outside party the engine plays", ACTOR },
    { "Setting", "an exercise option", SETTING },
    { "Metric", "a state key shown as a gauge or counter", METRIC },
    { "Lesson", "a lesson of the case", LESSON },
    { "Inject", "something that arrives at the table", INJECT },
    { "Every", "a periodic dynamic", EVERY },
    { "Objective", "a scored goal", OBJECTIVE },
    { "Action", "what a role may do", ACTION },
    { "HistoryItem", "what the real operator did", HISTORY },
    { "Message", "what ctx.message takes", MESSAGE },
    { "Reference", "a source cited on the scorecard (API 1.1)", REFERENCE },
    { "ActorWords", "what ctx.refuse and ctx.ask take (API 1.1)", ACTOR_WORDS },
};

const tt_api_class *tt_api_classes(size_t *n)
{
    *n = sizeof CLASSES / sizeof CLASSES[0];
    return CLASSES;
}

const tt_api_field *tt_api_fields(const char *class_name)
{
    for (size_t i = 0; i < sizeof CLASSES / sizeof CLASSES[0]; i++)
        if (strcmp(CLASSES[i].name, class_name) == 0)
            return CLASSES[i].fields;
    return NULL;
}
