// Command tests run git in this process: give its commits a fixed identity and no system config.
process.env.GIT_AUTHOR_NAME = 'Release Bot';
process.env.GIT_AUTHOR_EMAIL = 'release-bot@example.invalid';
process.env.GIT_COMMITTER_NAME = 'Release Bot';
process.env.GIT_COMMITTER_EMAIL = 'release-bot@example.invalid';
process.env.GIT_CONFIG_NOSYSTEM = '1';
