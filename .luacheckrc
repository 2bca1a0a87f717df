-- luacheck configuration for the scenario files (`luacheck scenarios/`).
-- Scenarios run in the engine's Lua 5.4 sandbox, where `scenario` is the one
-- global the engine adds (docs/scenario-api.md).
std = "lua54"
read_globals = { "scenario" }

-- Callbacks all receive (s, ctx); most use only one of them.
unused_args = false
-- Bilingual texts are long lines by nature.
max_line_length = false

-- Editor annotations (tabletop api --luals) are not scenarios.
exclude_files = { "**/*.d.lua" }
