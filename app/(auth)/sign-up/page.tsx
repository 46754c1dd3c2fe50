import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { signUpAction } from "@/app/(auth)/actions";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/authz";
import { safeCallbackPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const email = typeof params.email === "string" ? params.email : undefined;
  const signInHref = `/sign-in${params.callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;
  return (
    <Card>
      <h1 className="mb-1 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-sm text-muted">Record your SSI, see your rank in your team, and track your progress.</p>
      <SignUpForm signUp={signUpAction} callbackUrl={callbackUrl} email={email} />
      <p className="mt-6 text-sm text-muted">
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </Card>
  );
}
