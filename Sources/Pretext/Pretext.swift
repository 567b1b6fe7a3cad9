// The umbrella module: `import Pretext` brings every layer's public API.
@_exported import PretextAudit
@_exported import PretextCore
@_exported import PretextDedupe
@_exported import PretextFormats
@_exported import PretextLoader
@_exported import PretextPII
@_exported import PretextPipeline
@_exported import PretextQuality
@_exported import PretextStages
@_exported import PretextStore
@_exported import PretextText
@_exported import PretextTokenizer
@_exported import PretextTrainer
