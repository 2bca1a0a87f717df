-- The smallest valid scenario: one role, one action, one objective.
return scenario {
  id = "minimal",
  source = "test",
  title = { ja = "最小", en = "Minimal" },
  summary = { ja = "最小のシナリオ", en = "The smallest scenario" },
  length = "1h",
  invented = { ja = "すべて", en = "Everything" },
  roles = {
    sysadmin = { name = { ja = "システム担当", en = "System staff" } },
  },
  actions = {
    pull_cable = {
      by = "sysadmin",
      label = { ja = "抜線する", en = "Pull the network cable" },
      takes = "5m",
      completes = "isolate_pc",
    },
  },
  objectives = {
    isolate_pc = { phase = "isolate", title = { ja = "端末の隔離", en = "Isolate the PC" },
                   target = "15m", limit = "1h" },
  },
}
