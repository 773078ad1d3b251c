// natural reads ./.env through dotenv and is noisy about it.
process.env.DOTENV_CONFIG_QUIET = 'true';
