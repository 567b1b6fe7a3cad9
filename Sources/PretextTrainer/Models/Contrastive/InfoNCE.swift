/// The contrastive loss of SimCSE (Gao et al. 2021, supervised) and sentence-transformers'
/// `MultipleNegativesRankingLoss`: temperature-scaled cosine similarities of each anchor with
/// every candidate, and cross-entropy with the anchor's own positive as the target.
///
/// With anchors `a₁…a_B` and candidates `c₁…c_C` (the batch's positives `c₁…c_B`, then its
/// hard negatives when there are any, so `C` is `B` or `2B`):
/// `S[i, j] = cos(aᵢ, cⱼ) / τ` and `loss = (1/B) Σᵢ (logsumexp_j S[i, j] − S[i, i])`.
/// The other pairs' positives are in-batch negatives. Not symmetric: candidates are not also
/// matched back to anchors (SimCSE's form; `MultipleNegativesSymmetricRankingLoss` is the
/// symmetric one).
///
/// Backward: `dS = (softmax(S) − onehot(i)) / B` per row, `dâ = dS · ĉ / τ`,
/// `dĉ = dSᵀ · â / τ` on the normalized rows, then through ``RowNormalization``.
public enum InfoNCE {
    /// The loss of a batch, its top-1 retrievals and its gradients.
    public struct Result: Sendable {
        /// The mean loss over anchors.
        public var loss: Float
        /// The number of anchors.
        public var count: Int
        /// The anchors whose own positive has the highest similarity among all candidates (the
        /// first highest on ties): top-1 in-batch retrieval.
        public var correct: Int
        /// `∂loss/∂anchors`, `[B, H]`.
        public var gradAnchors: Matrix
        /// `∂loss/∂candidates`, `[C, H]`.
        public var gradCandidates: Matrix
    }

    /// The loss of `anchors` (`[B, H]`) against `candidates` (`[C, H]`, C ≥ B, row `i < B` the
    /// positive of anchor `i`), at `temperature` τ > 0.
    /// - Complexity: O(B · C · H) (two products on sgemm).
    public static func evaluate(anchors: Matrix, candidates: Matrix, temperature: Float) -> Result {
        precondition(candidates.rows >= anchors.rows && candidates.columns == anchors.columns, "a positive per anchor")
        let scale = 1 / temperature
        let (a, anchorCache) = RowNormalization.forward(anchors)
        let (c, candidateCache) = RowNormalization.forward(candidates)
        let similarities = BLAS.product(a, c, transposeB: true, alpha: scale)
        let targets = (0..<Int32(anchors.rows)).map { $0 }
        let entropy = CrossEntropy.evaluate(logits: similarities, targets: targets)
        let gradA = BLAS.product(entropy.gradient, c, alpha: scale)
        let gradC = BLAS.product(entropy.gradient, a, transposeA: true, alpha: scale)
        return Result(
            loss: entropy.loss, count: entropy.count, correct: entropy.correct,
            gradAnchors: RowNormalization.backward(gradA, cache: anchorCache),
            gradCandidates: RowNormalization.backward(gradC, cache: candidateCache))
    }
}
