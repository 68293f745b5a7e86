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

  const users = program.command('users').description('people with accounts (uses DATABASE_URL)')
  users
    .command('create')
    .description('create an account with a password and a role in the workspace (the first owner, say)')
    .requiredOption('--email <address>', 'their email address, which they sign in with')
    .option('--role <role>', 'owner, editor or viewer', 'viewer')
    .option('--name <name>', 'the name shown to others')
    .option('--workspace <id>', 'the workspace (needed only when there are several)')
    .option('--password-stdin', 'read the password from standard input instead of asking for it')
    .action(async (options) => {
      const { usersCreate } = await import('./commands/users/create.js')
      await usersCreate(options)
    })

  program
    .command('migrate')
    .description('copy workspaces, keys and pins between stores (resumable), e.g. SQLite to PostgreSQL')
    .requiredOption('--from <url>', 'source: sqlite:<path> or postgres://...')
    .requiredOption('--to <url>', 'target: sqlite:<path> or postgres://...')
    .option('--workspace <id>', 'only this workspace')
    .option('--sample <n>', 'pins per workspace compared field by field at the end', '50')
    .action(async (options) => {
      const { migrate } = await import('./commands/migrate/index.js')
      await migrate(options)
    })

  program
    .command('login')
    .description('check an API key and save it for the pins commands')
    .requiredOption('--key <key>', 'the pk_live_... key')
    .option('--base-url <url>', 'the server (default PINDOWN_BASE_URL, then http://127.0.0.1:4000)')
    .action(async (options) => {
      const { login } = await import('./commands/login/index.js')
      await login(options)
    })

  const pins = program
    .command('pins')
    .description('create, read, change and import pins through the API')
    .option('--api-key <key>', 'API key (default PINDOWN_API_KEY, then the key saved by login)')
    .option('--base-url <url>', 'server (default PINDOWN_BASE_URL, then the login, then http://127.0.0.1:4000)')
    .option('--json', 'print JSON for scripts')
  const withClient = (command: Command) => ({ ...pins.opts(), ...command.opts() })

  pins
    .command('create')
    .description('create a pin from a JSON body or a markdown file (or stdin)')
    .option('-f, --file <path>', 'a .json create body or a .md file; - or nothing reads stdin')
    .option('--title <title>', 'set metadata.title')
    .option('--tags <list>', 'comma-separated tags')
    .option('--public', 'make it public')
    .action(async (_options, command: Command) => {
      const { pinsCreate } = await import('./commands/pins/create.js')
      await pinsCreate(withClient(command))
    })
  pins
    .command('get')
    .description('show one pin')
    .argument('<id>', 'pin id (p-...)')
    .action(async (id: string, _options, command: Command) => {
      const { pinsGet } = await import('./commands/pins/read.js')
      await pinsGet(id, withClient(command))
    })
  pins
    .command('list')
    .description('list pins, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--type <pin_type>', 'only this pin type')
    .option('--tag <tag>', 'only pins with this tag')
    .option('--q <text>', 'title contains')
    .option('--all', 'every pin, page by page')
    .action(async (_options, command: Command) => {
      const { pinsList } = await import('./commands/pins/read.js')
      await pinsList(withClient(command))
    })
  pins
    .command('update')
    .description('change a pin: a JSON body of fields from --file or stdin, and/or --title, --tags')
    .argument('<id>', 'pin id')
    .option('-f, --file <path>', 'a JSON body of the fields to change')
    .option('--title <title>', 'set metadata.title')
    .option('--tags <list>', 'replace the tags')
    .option('--if-match <version>', 'only if the pin is still at this version')
    .action(async (id: string, _options, command: Command) => {
      const { pinsUpdate } = await import('./commands/pins/change.js')
      await pinsUpdate(id, withClient(command))
    })
  pins
    .command('delete')
    .description('delete a pin')
    .argument('<id>', 'pin id')
    .action(async (id: string, _options, command: Command) => {
      const { pinsDelete } = await import('./commands/pins/change.js')
      await pinsDelete(id, withClient(command))
    })
  pins
    .command('share')
    .description('set sharing: --public or --no-public, --comments, --edit, --sign-in (and their --no- forms)')
    .argument('<id>', 'pin id')
    .option('--public', 'anyone with the link can see it')
    .option('--no-public', 'only the workspace can see it')
    .option('--comments', 'allow comments')
    .option('--no-comments', 'no comments')
    .option('--edit', 'allow editors to change it')
    .option('--no-edit', 'no editing')
    .option('--sign-in', 'viewers must sign in')
    .option('--no-sign-in', 'no sign-in needed')
    .action(async (id: string, _options, command: Command) => {
      const { pinsShare } = await import('./commands/pins/change.js')
      await pinsShare(id, withClient(command))
    })
  pins
    .command('invite')
    .description('invite a person to a pin by email (the link is emailed when the server has SMTP, and printed)')
    .argument('<id>', 'pin id')
    .argument('<email>', 'their email address')
    .option('--role <role>', 'editor or viewer', 'viewer')
    .option('--message <text>', 'a note for the invite email')
    .action(async (id: string, email: string, _options, command: Command) => {
      const { pinsInvite } = await import('./commands/pins/people.js')
      await pinsInvite(id, email, withClient(command))
    })
  pins
    .command('collaborators')
    .description('list the people invited to a pin and those who accepted')
    .argument('<id>', 'pin id')
    .action(async (id: string, _options, command: Command) => {
      const { pinsCollaborators } = await import('./commands/pins/people.js')
      await pinsCollaborators(id, withClient(command))
    })
  pins
    .command('uninvite')
    .description('remove a collaborator (usr_...) or withdraw a pending invite (email)')
    .argument('<id>', 'pin id')
    .argument('<who>', 'user id or email')
    .action(async (id: string, who: string, _options, command: Command) => {
      const { pinsUninvite } = await import('./commands/pins/people.js')
      await pinsUninvite(id, who, withClient(command))
    })
  pins
    .command('comments')
    .description("print a pin's comments, oldest first, replies under their comment")
    .argument('<id>', 'pin id')
    .option('--since <time>', 'only comments created or changed after this time (epoch ms or ISO date)')
    .action(async (id: string, _options, command: Command) => {
      const { pinsComments } = await import('./commands/pins/comments.js')
      await pinsComments(id, withClient(command))
    })
  pins
    .command('comment')
    .description('comment on a pin as this API key (markdown; the pin must allow comments)')
    .argument('<id>', 'pin id')
    .argument('<text>', 'the comment, in markdown')
    .option('--reply <commentId>', 'reply to this top-level comment')
    .action(async (id: string, text: string, _options, command: Command) => {
      const { pinsComment } = await import('./commands/pins/comments.js')
      await pinsComment(id, text, withClient(command))
    })
  pins
    .command('watch')
    .description('print each change of a pin as it happens, until it is deleted or Ctrl-C')
    .argument('<id>', 'pin id')
    .option('--since <version>', 'first print what changed after this version')
    .action(async (id: string, _options, command: Command) => {
      const { pinsWatch } = await import('./commands/pins/watch.js')
      await pinsWatch(id, withClient(command))
    })
  pins
    .command('import')
    .description('create a pin from every .json and .md file in a directory, 50 per batch')
    .argument('<dir>', 'directory to import (searched recursively)')
    .option('--tags <list>', 'tags for every imported pin')
    .action(async (dir: string, _options, command: Command) => {
      const { pinsImport } = await import('./commands/pins/import.js')
      await pinsImport(dir, withClient(command))
    })

  return program
}
