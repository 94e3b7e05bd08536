"""TF's API functions. Each module declares its ops (registry) and builds them; none computes."""
