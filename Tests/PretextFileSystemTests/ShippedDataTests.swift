import Testing

@testable import _PretextFileSystem

/// Where shipped data folders are looked for, from the executable's path.
@Suite struct ShippedDataTests {
    @Test func anInstalledExecutableLooksInShareOnly() {
        #expect(
            ShippedData.candidates("lexicons", executable: "/usr/local/bin/pretext") == [
                "/usr/local/share/pretext/lexicons"
            ])
    }

    @Test(arguments: [
        "/src/pretext/.build/release/pretext", "/src/pretext/.build/x86_64-unknown-linux-gnu/debug/pretext",
        "/src/pretext/.build/debug/PretextPackageTests.xctest",
    ])
    func aBuildInTheRepositoryAlsoLooksInTheRepository(executable: String) {
        let places = ShippedData.candidates("lexicons", executable: executable)
        #expect(places.count == 2 && places[1] == "/src/pretext/lexicons")
    }

    @Test func theRunningTestsFindTheRepositorysLexicons() throws {
        let found = try ShippedData.directory("lexicons", override: "--lexicons DIR")
        #expect(found.hasSuffix("/lexicons") && FileSystem.isDirectory(found + "/en"))
    }
}
