from jobcockpit.cli import main

raise SystemExit(main())
