import Testing

@testable import PretextTrainer

@Suite struct MatrixTests {
    @Test func splittingColumnsAndJoiningThemRoundTrips() {
        let matrix = Matrix(rows: 2, columns: 6, values: (0..<12).map(Float.init))
        let parts = matrix.splitColumns(into: 3)
        #expect(parts.map(\.values) == [[0, 1, 6, 7], [2, 3, 8, 9], [4, 5, 10, 11]])
        #expect(Matrix.joiningColumns(parts) == matrix)
    }

    @Test func repeatingAndColumnSums() {
        let matrix = Matrix.repeating([1, 2, 3], rows: 4)
        #expect(matrix.rows == 4 && matrix[3, 2] == 3)
        var sums: [Float] = [1, 0, 0]
        matrix.addColumnSums(into: &sums)
        #expect(sums == [5, 8, 12])
    }
}
