-- A scenario that reschedules itself at one instant forever (engine guard test).
return scenario {
  id = "loop", source = "test",
  title = { ja = "t", en = "t" }, summary = { ja = "t", en = "t" },
  length = "1h", invented = { ja = "t", en = "t" },
  state = { n = 0 },
  roles = { sysadmin = { name = { ja = "s", en = "s" } } },
  every = { { id = "e", period = "10m", run = function(s, ctx)
    local function f(st, c) st.n = st.n + 1; c.after(0, f) end
    ctx.after(0, f)
  end } },
  actions = { pull_cable = { by = "sysadmin", label = { ja = "p", en = "p" }, takes = "5m", completes = "isolate_pc" } },
  objectives = { isolate_pc = { phase = "isolate", title = { ja = "i", en = "i" }, target = "15m", limit = "1h" } },
}
