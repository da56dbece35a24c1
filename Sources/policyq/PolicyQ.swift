import ArgumentParser
import PolicyKit
@main struct PolicyQ: ParsableCommand {}
