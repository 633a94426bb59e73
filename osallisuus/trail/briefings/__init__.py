"""Decision makers' briefings (#15 item 6): per decision-making body and period, what is rising,
the services' headline figures, matters waiting for the body and overdue actions; as a page, a
PDF and an e-mail with a link."""
