// PretextFormats: see docs/architecture.md.
enum _Placeholder {}
