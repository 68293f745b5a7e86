import { Command, Option } from 'commander'
import { settingsHelp } from './settings-help.js'

/** Every command, registered in one place; each loads its code only when it runs. */
export function buildCli(): Command {
  const program = new Command('pindown')
    .description('Pindown: publish typed pins over a REST API and share them')
    .showHelpAfterError()

  program
    .command('serve')
    .description('start the API server (settings come from the environment, see below)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'address to listen on (overrides HOST)')
    .addHelpText('after', settingsHelp)
    .action(async (options) => {
      const { serve } = await import('./commands/serve/index.js')
      await serve(options)
    })

  const keys = program.command('keys').description('create, list and revoke API keys (uses DATABASE_URL)')
  keys
    .command('create')
    .description('create an API key and print it once')
    .addOption(new Option('--workspace <id>', 'add the key to this workspace').conflicts('newWorkspace'))
    .option('--new-workspace', 'create a new workspace for the key')
    .option('--scopes <list>', 'comma-separated scopes', 'pins:read,pins:write,pins:share')
    .option('--name <name>', 'a name to recognise the key by', 'cli')
    .option('--json', 'print {"key","id","workspace","scopes"} as JSON')
    .action(async (options) => {
      const { keysCreate } = await import('./commands/keys/create.js')
      await keysCreate(options)
    })
  keys
    .command('list')
    .description('list API keys (their prefixes, never the keys)')
    .option('--workspace <id>', 'only keys of this workspace')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const { keysList } = await import('./commands/keys/list.js')
      await keysList(options)
    })
  keys
    .command('revoke')
    .description('revoke an API key: it answers 401 from the next request on')
    .argument('<id>', 'the key id (key_...), as keys list shows it')
    .action(async (id: string) => {
      const { keysRevoke } = await import('./commands/keys/revoke.js')
      await keysRevoke(id)
    })

  return program
}
