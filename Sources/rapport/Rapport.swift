import ArgumentParser

/// `rapport`: the relationship-first CRM server and its tools.
@main
struct RapportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport — a relationship-first CRM for B2B sales teams.",
        subcommands: [Serve.self, Migrate.self, UserCommand.self, TeamCommand.self, ImportCommand.self,
                      ExportCommand.self, Backup.self, Demo.self, Bench.self, CommitmentsCommand.self,
                      AgendaCommand.self, ToneCheckCommand.self, JobsCommand.self, PoolCommand.self, LifecycleCommand.self, PipelineCommand.self],
        defaultSubcommand: Serve.self)
}
