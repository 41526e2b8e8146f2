"""Every sentence the letters are made of, and nothing else.

Interviewers on one panel may compare what they received (seed 003), so each
part of a letter has five wordings; a person's seat on the panel picks one
for every part (see ``compose.variant``), and from the sixth seat on the parts
are mixed, so no two people get the same letter however large the panel.

Slots are ``$name``. In the point sentences, ``$topic`` is a noun phrase ("the
audit clean-up", "how quickly I picked up Dagster") and always follows a
preposition or "is"; ``$clause`` is a whole clause ("you asked about my notice
period") and always follows "that" or "when"; ``$answer`` and ``$more`` are
whole sentences the user wrote. A test checks every sentence here against
those rules, the length of each part and the private words.
"""

from __future__ import annotations

# -- one point of the notes, in a thank-you -------------------------------------------

POINTS: dict[str, dict[str, tuple[str, ...]]] = {
    "liked": {
        "topic": (
            "You seemed to enjoy hearing about $topic, and I was glad it caught your interest.",
            "It was good to see your interest when we talked about $topic.",
            "I was pleased that our conversation about $topic struck a chord with you.",
            "Your interest in $topic was encouraging.",
            "I appreciated how closely you listened when we talked about $topic.",
        ),
        "clause": (
            "I was glad that $clause.",
            "It was encouraging that $clause.",
            "It meant a lot to me that $clause.",
            "I was pleased to notice that $clause.",
            "It was good to see that $clause.",
        ),
        "when": (
            "You seemed to respond well when $clause.",
            "I noticed your interest when $clause.",
            "It was good to see your reaction when $clause.",
            "You seemed to enjoy it when $clause.",
            "I was glad of your interest when $clause.",
        ),
    },
    "topics": {
        "topic": (
            "I have kept thinking about our conversation on $topic.",
            "Our exchange about $topic stood out for me.",
            "What I remember most is our discussion of $topic.",
            "I especially enjoyed talking with you about $topic.",
            "Since we spoke about $topic, I have given it more thought.",
        ),
        "clause": (
            "I was interested to hear that $clause.",
            "It was good to learn that $clause.",
            "I have thought more since we met about the fact that $clause.",
            "It was helpful to hear that $clause.",
            "I was glad to learn that $clause.",
        ),
    },
    "concern_answer": {
        "topic": (
            "You asked about $topic. $answer",
            "I have thought more about $topic, which you raised. $answer",
            "Since you asked about $topic, I wanted to add a word. $answer",
            "You raised a question about $topic, and I have given it more thought. $answer",
            "I would like to come back to the question of $topic. $answer",
        ),
        "none": (
            "I have thought more about the question you raised. $answer",
            "I have given your question more thought since we met. $answer",
            "Since we spoke, I have reflected on the point you raised. $answer",
            "I wanted to come back to the concern you mentioned. $answer",
            "I would like to add a word on the question you asked. $answer",
        ),
    },
    "amended_answer": {
        "topic": (
            "On $topic, I would add that $clause. $more",
            "Thinking again about $topic, I should add that $clause. $more",
            "To complete my answer on $topic, I would add that $clause. $more",
            "Looking back on $topic, I would add that $clause. $more",
            "There is one more thing to say on $topic: $clause. $more",
        ),
        "none": (
            "Looking back on one of my answers, I would add that $clause. $more",
            "I would like to complete one of my answers: $clause. $more",
            "Thinking back on our conversation, I should add that $clause. $more",
            "To round off one of my answers, I would add that $clause. $more",
            "One of my answers deserves a fuller reply: $clause. $more",
        ),
    },
    "to_stress": {
        "topic": (
            "I would also like to stress $topic.",
            "One thing I hope came across is $topic.",
            "I would also point to $topic.",
            "I want to underline $topic as well.",
            "It is also worth mentioning $topic.",
        ),
        "that": (
            "I would also like to stress that $clause.",
            "One thing I hope came across is that $clause.",
            "I would also point out that $clause.",
            "I want to underline that $clause.",
            "It is also worth saying that $clause.",
        ),
    },
    "rapport": {
        "topic": (
            "I also enjoyed our chat about $topic.",
            "It was a pleasure to talk about $topic, too.",
            "I enjoyed hearing about $topic.",
            "Talking about $topic made the interview feel like a real conversation.",
            "I still smile at our exchange about $topic.",
        ),
        "clause": (
            "I enjoyed finding out that $clause.",
            "It was a pleasure to learn that $clause.",
            "It was lovely to hear that $clause.",
            "I was delighted to discover that $clause.",
            "It was fun to learn that $clause.",
        ),
    },
}

# A point recalled in a later letter, weeks after the interview.
RECALL = (
    "I still think about our conversation on $topic.",
    "Our discussion of $topic is still on my mind.",
    "I often think back to our talk about $topic.",
    "Our exchange about $topic was one of the highlights for me.",
    "I remember our conversation about $topic with pleasure.",
)

# Work samples: offered, or linked. A draft never says a file is attached; the
# checks hold the user to that unless the email draft really carries one.
SAMPLE_OFFER = (
    "If it would help, I would be glad to send you $topic.",
    "I can also send you $topic, if that would be useful.",
    "Should it be useful, I would be happy to share $topic.",
    "I would be pleased to send $topic if you would like to see more of my work.",
    "Let me know if you would like to see $topic; I would be glad to send it.",
)
SAMPLE_LINK = (
    "You can see $topic here: $link",
    "In case it is useful, you can find $topic online: $link",
    "If you would like a closer look, here is $topic: $link",
    "You will find $topic at this address: $link",
    "Here is $topic, should you want to see more of my work: $link",
)
SAMPLE_LINK_ONLY = (
    "You can see an example of my work here: $link",
    "In case it is useful, an example of my work is online: $link",
    "If you would like a closer look at my work, here it is: $link",
    "You will find an example of my work at this address: $link",
    "Here is an example of my work, should you want to see more: $link",
)

# -- greetings and sign-offs ---------------------------------------------------------------

CASUAL_GREETINGS = ("Hi", "Hello", "Dear", "Hi", "Hello")
SIGN_OFFS = {
    "formal": ("Sincerely,", "Kind regards,", "Respectfully,", "Yours sincerely,", "With best regards,"),
    "casual": ("Best,", "Warm regards,", "All the best,", "Best wishes,", "Many thanks,"),
}

# -- the thank-you email -------------------------------------------------------------------

THANK_YOU_EMAIL = {
    "subject": (
        "Thank you for your time on $weekday",
        "Our conversation about the $role role",
        "Thank you for meeting with me",
        "Following our $role interview",
        "With thanks for our conversation",
    ),
    "opening": (
        (
            "Thank you for meeting with me on $weekday about the $role position. I came away from our "
            "conversation even more interested in joining $company."
        ),
        (
            "I appreciate the time you gave me on $weekday. Learning more about $company and the $role "
            "role made me keener than ever to be part of it."
        ),
        (
            "Many thanks for talking with me on $weekday about the $role opening at $company. I enjoyed "
            "our conversation and left even more enthusiastic about the role."
        ),
        (
            "Thank you for your time on $weekday and for telling me more about the $role position. It "
            "confirmed how much I would like to join $company."
        ),
        (
            "I wanted to thank you for our conversation on $weekday about the $role role. It was a "
            "pleasure to learn more about $company and the team."
        ),
    ),
    # Only when the notes give nothing this person can be told.
    "general": (
        "I enjoyed learning how your team works and what the first months in the role would involve.",
        "Hearing how the team works day to day gave me a clear picture of the role.",
        "Our conversation gave me a much better sense of the work and the people behind it.",
        "It was helpful to hear what matters most to you in this role.",
        "I valued the chance to hear your view of the role and of the team.",
    ),
    # What they would gain: the qualifications and the contribution, restated (seed 003).
    "fit": (
        (
            "From what you told me about the team's priorities, I am confident my experience fits what you "
            "need, and I could contribute from the first weeks."
        ),
        (
            "Everything I heard confirmed that the role matches both my experience and what I want to do "
            "next, and I would bring real energy to the team."
        ),
        (
            "The more I learn about the role, the more it looks like the right next step for me, and I "
            "believe my background would serve the team well."
        ),
        (
            "What you described matches the work I do best, and I am sure I could make a real difference "
            "in this role."
        ),
        (
            "I left convinced that my background would let me make a useful contribution quickly, and I "
            "would be glad to put it to work at $company."
        ),
    ),
    "closing": (
        (
            "Please let me know if there is anything else I can send you; I look forward to hearing about "
            "the next steps."
        ),
        "Thank you again for your time and your openness; I hope we can speak again soon.",
        (
            "If it would help your decision, I would be happy to provide references or anything else you "
            "need. I look forward to hearing from you."
        ),
        (
            "If you need anything more from me, I would be glad to provide it. Thank you again for a very "
            "good conversation."
        ),
        "Thank you again for your time and for a very open conversation; I look forward to the next steps.",
    ),
}

# -- the handwritten note: short, and about something other than the email (seed 000) -----

HANDWRITTEN_NOTE = {
    "opening": (
        "Thank you again for meeting with me on $weekday.",
        "A short note to thank you for your time on $weekday.",
        "I wanted to thank you by hand for our meeting about the $role position.",
        "Thank you once more for our conversation about the $role role.",
        "Just a few lines to say thank you for meeting with me on $weekday.",
    ),
    "general": (
        "It was a pleasure to meet you and to hear about your work.",
        "I very much enjoyed our conversation and learning about the team.",
        "Meeting you made the role feel all the more worth wanting.",
        "Our conversation has stayed with me since we met.",
        "I came away with a real sense of what the work would be like.",
    ),
    "closing": (
        "I hope to see you again soon at $company.",
        "I would be delighted to join you at $company.",
        "With warm thanks and best wishes to everyone at $company.",
        "I look forward to the chance to work together at $company.",
        "Thank you again, and all the best to the team at $company.",
    ),
}

# -- status inquiries: the second and the third do not repeat the first ------------------

STATUS_INQUIRY = {
    1: {
        "subject": (
            "Following up on my $role interview",
            "Checking in on my application for $role",
            "Status of my application for $role",
            "My $role application",
            "Following up on our conversation about the $role role",
        ),
        "opening": (
            (
                "I am writing to follow up on my interview on $date for the $role position and to ask about "
                "the status of my application."
            ),
            (
                "I hope you are well. I interviewed with you on $date for the $role role, and I would like "
                "to follow up on the status of my application."
            ),
            (
                "Thank you again for meeting with me on $date. I am following up on my interview for the "
                "$role position and the status of my application."
            ),
            (
                "I am following up on my interview on $date and the status of my application for the $role "
                "role."
            ),
            (
                "Since we met on $date about the $role position, I wanted to follow up on my interview and "
                "the status of my application."
            ),
        ),
    },
    2: {
        "subject": (
            "Checking in again about the $role role",
            "A further note on my $role application",
            "Still very interested in the $role role",
            "Following up again on my $role application",
            "My application for $role, once more",
        ),
        "opening": (
            (
                "I am checking in again about my interview on $date for the $role position and the status "
                "of my application."
            ),
            (
                "I wrote a little while ago about the $role role, and I wanted to follow up once more on my "
                "interview and the status of my application."
            ),
            (
                "I know these decisions take time. I am following up again on my interview on $date and the "
                "status of my application for the $role position."
            ),
            (
                "I hope all is going well. I would like to follow up once more on my interview for the $role "
                "role and the status of my application."
            ),
            (
                "Since my last note, I have been looking forward to news about the $role position, so I am "
                "following up again on the status of my application."
            ),
        ),
    },
    3: {
        "subject": (
            "A last note about the $role role",
            "One more check-in on my $role application",
            "The $role role, and staying in touch",
            "Closing the loop on my $role application",
            "A final follow-up on the $role position",
        ),
        "opening": (
            (
                "I am writing one last time about my interview on $date for the $role position and the "
                "status of my application."
            ),
            (
                "I understand that hiring can take longer than planned, so this is a final check-in on the "
                "status of my application for the $role role."
            ),
            (
                "I do not want to take up more of your time, so this is my last follow-up on my interview for the "
                "$role position and the status of my application."
            ),
            (
                "This is a final note to follow up on my interview on $date and the status of my "
                "application for the $role role."
            ),
            (
                "I wanted to follow up one final time on my interview for the $role position and the status "
                "of my application."
            ),
        ),
    },
}
# Said in every inquiry, in the wording of its turn.
STATUS_TIMELINE = (
    "When we met, you expected a decision by $decision_date.",
    "I understand a decision was planned for $decision_date.",
    "You had hoped to decide by $decision_date, so I wanted to check in.",
    "I remember that you hoped to decide by $decision_date.",
    "You mentioned a decision around $decision_date.",
)
STATUS_CLOSING = (
    (
        "I am still very interested in the role and in $company. If there is anything else I can provide "
        "to help with your decision, please let me know."
    ),
    (
        "My interest in joining $company is as strong as ever. Please tell me if you need anything further "
        "from me."
    ),
    (
        "I remain enthusiastic about the opportunity at $company and would be happy to answer any further "
        "questions."
    ),
    (
        "The role at $company is still the one I want, and I would be glad to send anything that would "
        "help with your decision."
    ),
    "I would very much like to join $company, and I am happy to provide any further information you need.",
)
STATUS_LAST_CLOSING = (
    (
        "If the role has been filled, I would be grateful to know, and I hope our paths cross again at "
        "$company."
    ),
    (
        "If you have decided to go another way, a short word would help me; either way, thank you for "
        "your time."
    ),
    "Whatever the outcome, thank you for considering me, and I would be glad to stay in touch.",
    "If the position is no longer open, I would appreciate knowing, and I wish you and $company well.",
    "Either way, I would be glad to hear from you, and I hope to stay in touch with $company.",
)

# -- after the answer ---------------------------------------------------------------------------

WITHDRAWAL = {
    "subject": (
        "Withdrawing my application for $role",
        "My application for $role",
        "Withdrawal from the $role process",
        "The $role position",
        "An update on my $role application",
    ),
    "decision": (
        (
            "Thank you for meeting with me on $date and for considering me for the $role position. After "
            "careful thought, I have decided to withdraw my application: I am no longer interested in "
            "being considered for this role."
        ),
        (
            "Thank you for your time and for the interest you have shown in me for the $role role. I am "
            "writing to let you know that I am no longer interested in the position, and I would like to "
            "withdraw from the process."
        ),
        (
            "I wanted to thank you for considering me for the $role position and to tell you promptly that "
            "I am withdrawing my application; I am no longer interested in moving forward."
        ),
        (
            "Thank you for the time you gave me on $date. I have decided to withdraw from the $role "
            "process, as I am no longer interested in the position."
        ),
        (
            "Thank you for the conversations about the $role role. I am writing to withdraw my "
            "application: I am no longer interested in pursuing the position."
        ),
    ),
    "goodbye": (
        (
            "This was not an easy decision. I appreciated learning about $company and meeting the team, "
            "and I hope our paths cross again."
        ),
        (
            "I am grateful for the conversations we had, and I wish you and everyone at $company every "
            "success."
        ),
        (
            "Meeting you was a pleasure, and I have great respect for $company. I hope we have the chance "
            "to work together in the future."
        ),
        (
            "I wanted you to hear it from me straight away, so that you can plan. I wish the team at "
            "$company all the best."
        ),
        "It was a privilege to be considered, and I hope to cross paths with $company again.",
    ),
}
THANKS_FOR_CONSIDERATION = {
    "subject": (
        "Thank you for considering me",
        "Thank you, and a question",
        "Thanks for your consideration",
        "After your decision on the $role role",
        "With thanks for the $role process",
    ),
    "thanks": (
        "Thank you for letting me know your decision, and for considering me for the $role position.",
        (
            "Although I am disappointed, I am grateful for the time you and your colleagues spent "
            "considering me for the $role role."
        ),
        ("Thank you for your consideration for the $role position, and for telling me where things stand."),
        (
            "I appreciate you letting me know about the $role role, and the care you took throughout the "
            "process."
        ),
        (
            "Thank you for your message and for the time you invested in my application for the $role "
            "position."
        ),
    ),
    "ask": (
        (
            "If there is anything else I could share that might put me back in the running, I would be "
            "glad to. I would also value your advice: is there anything I could do differently in future "
            "interviews?"
        ),
        (
            "Is there anything more I could tell you that would put me back in the running? And if you "
            "have a moment, I would welcome any advice for my future interviews."
        ),
        (
            "May I ask whether anything could still put me back in the running? I would also appreciate "
            "any advice on how I could interview better next time."
        ),
        (
            "Perhaps there is something else you would like to know that could put me back in the "
            "running. Any advice you could give me for future interviews would also be most welcome."
        ),
        (
            "If more information from me could put me back in the running, I would gladly provide it. I "
            "would also be grateful for any advice on what I might do differently in an interview."
        ),
    ),
    "goodbye": (
        "I remain interested in $company, and I hope you will keep me in mind for future openings.",
        "I would be glad to stay in touch and hope our paths cross again at $company.",
        "I enjoyed meeting the team at $company and would be happy to be considered for future roles.",
        "Please keep me in mind should another role open up at $company.",
        "I hope we stay in touch, and I would welcome the chance to work with $company in the future.",
    ),
}
STAY_IN_TOUCH = {
    "subject": (
        "Keeping in touch",
        "Staying in touch after my $role interview",
        "Hello again from a $role candidate",
        "A note to stay in touch",
        "Still following $company with interest",
    ),
    "hello": (
        "I hope all is well. We met on $date when I interviewed for the $role position at $company.",
        "It has been a few weeks since we met about the $role role, and I wanted to say hello.",
        (
            "I hope things are going well at $company. I interviewed with you on $date, and I have kept "
            "following your work since."
        ),
        "I wanted to get back in touch after our conversation on $date about the $role position.",
        "Some weeks have passed since my interview for the $role role, and I wanted to stay in touch.",
    ),
    "interest": (
        (
            "I remain very interested in $company. If the role opens up again or something similar comes "
            "along, I would be glad to talk."
        ),
        "Please keep me in mind if anything opens up at $company; I would be happy to hear from you.",
        "I would welcome the chance to work with you in the future, so I wanted to stay in touch.",
        "Should a role like this one come up again, I would be glad to be considered.",
        "I would be delighted to hear from you if there is ever a fit for me at $company.",
    ),
}
OFFER_THANKS = {
    "subject": (
        "Thank you, and the $role offer",
        "With thanks for the $role offer",
        "Thank you for your part in the $role offer",
        "The $role offer, with thanks",
        "Thank you for your time during my interviews",
    ),
    "news": (
        (
            "I have just heard that $company would like to offer me the $role position, and I wanted to "
            "thank you for your part in it."
        ),
        "The offer for the $role role has reached me, and I am very grateful.",
        (
            "Learning that $company wants to offer me the $role role was wonderful news, and I wanted to "
            "thank you for it."
        ),
        (
            "I was delighted to receive the offer for the $role position, and I wanted to thank you "
            "personally."
        ),
        "Now that the offer for the $role role has arrived, I wanted to write to thank you.",
    ),
    "thanks": (
        (
            "Thank you for your time and for the confidence you have shown in me. I look forward to "
            "speaking with you again soon."
        ),
        ("It was a pleasure to meet you, and I hope to have the chance to work alongside you at $company."),
        (
            "I appreciate the time and attention you gave me, and I hope we stay in touch whatever the "
            "next steps bring."
        ),
        "Thank you for the care you took in getting to know me; it made the process a real pleasure.",
        "Your time and openness during the interviews meant a great deal to me.",
    ),
}

# -- what to say on the phone -------------------------------------------------------------------

CALL_SCRIPT = (
    (
        "If someone else answers:\n"
        "Hello, this is $my_name. May I speak with $full_name, please?\n\n"
        "When you reach $addressee:\n"
        "Hello $addressee, this is $my_name. We met on $date about the $role position at $company. "
        "I am calling to follow up on my interview and the status of my application. "
        "Is there anything else you need from me?\n\n"
        "If they have news, ask about the next steps and when you may check in again. "
        "Thank them for their time either way."
    ),
    (
        "If the receptionist answers:\n"
        "Good morning, my name is $my_name. Could I speak with $full_name, please?\n\n"
        "With $addressee:\n"
        "Hi $addressee, it is $my_name. I interviewed with you on $date for the $role role. "
        "I am following up on my interview and the status of my application. "
        "Is there anything more I can send to help your decision?\n\n"
        "Before you hang up, ask when it would be a good time to check in again, and thank them."
    ),
    (
        "If a colleague picks up:\n"
        "Hello, my name is $my_name, calling for $full_name, please.\n\n"
        "Once $addressee is on the line:\n"
        "Hello $addressee, this is $my_name; we met on $date about the $role position. "
        "I wanted to follow up on my interview and the status of my application. "
        "Do you have a sense of the timeline from here?\n\n"
        "Listen, note what you hear in your call log, and thank them for their time."
    ),
)
VOICEMAIL_SCRIPT = (
    (
        "Hello $addressee, this is $my_name. "
        "I interviewed with you on $date for the $role position at $company. "
        "I am calling to follow up on my interview and the status of my application. "
        "I am still very interested in the role. "
        "You can reach me at $my_phone. "
        "Thank you, and have a good day."
    ),
    (
        "Hi $addressee, it is $my_name calling. "
        "We met on $date about the $role role. "
        "I am following up on my interview and the status of my application, "
        "and I remain very keen on joining $company. "
        "My number is $my_phone; again, that is $my_phone. "
        "Thank you for your time."
    ),
    (
        "Good morning $addressee, this is $my_name. "
        "I am following up on my interview on $date and the status of my application for the $role position. "
        "I would be glad to provide anything else you need. "
        "You can call me back at $my_phone. "
        "Thanks very much, and I hope to speak with you soon."
    ),
)
# The thank-you call, for an interviewer whose card has no email address (seed 004).
# $point is the sentence of one point from the notes.
THANK_YOU_CALL = (
    (
        "If someone else answers:\n"
        "Hello, this is $my_name. May I speak with $full_name, please?\n\n"
        "When you reach $addressee:\n"
        "Hello $addressee. This is $my_name. We met on $date about the $role position. "
        "I am calling to thank you for your time. $point "
        "Meeting you made me even keener to join $company.\n\n"
        "Keep it short. If you reach voicemail, leave the same thanks and your number, $my_phone."
    ),
    (
        "If the receptionist answers:\n"
        "Good morning, my name is $my_name. Could I speak with $full_name, please?\n\n"
        "With $addressee:\n"
        "Hi $addressee. It is $my_name. I interviewed with you on $date for the $role role. "
        "I just wanted to say thank you for meeting with me. $point "
        "I am very interested in joining $company.\n\n"
        "Thank them and end the call. If it goes to voicemail, say the same and leave $my_phone."
    ),
    (
        "If a colleague picks up:\n"
        "Hello, my name is $my_name. Could I speak with $full_name, please?\n\n"
        "Once $addressee is on the line:\n"
        "Hello $addressee. This is $my_name. We met on $date about the $role position. "
        "I am calling to thank you for the interview. $point "
        "I would love to bring my experience to $company.\n\n"
        "A minute is enough. On voicemail, leave your thanks and your number, $my_phone."
    ),
)
