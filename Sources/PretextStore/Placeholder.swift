// PretextStore: see docs/architecture.md.
enum _Placeholder {}
