"""Learning-rate schedules and the global step against the reference."""
from tests.golden import golden_test

test_golden = golden_test("train_schedules", xfail={
    "polynomial": "XLA:CPU rewrites `x / 100.0` (a constant divisor) into `x * 0.01f` and fuses `1 - x * 0.01f` "
                  "into an FMA, so 1 - 100/100 is 2.2e-8, not 0; pow(., 0.5) amplifies it to 1.3e-5 at the "
                  "end of the decay (core: RealDiv by a constant in runtime lowering)",
})
