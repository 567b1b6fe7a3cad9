// PretextStages: see docs/architecture.md.
enum _Placeholder {}
