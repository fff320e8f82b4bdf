def load_offer_demo(ctx):
    pass
