"""The validator's rules, one module per rule or small family of rules (see CONTRIBUTING.md,
"Adding a rule"); :mod:`.catalog` finds them."""
