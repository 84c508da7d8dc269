from l10n_news.cli.main import main

main()
